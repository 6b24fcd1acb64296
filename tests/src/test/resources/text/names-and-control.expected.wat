(module
  (type (;0;) (func (param i32 i32) (result i32)))
  (type (;1;) (func (param i32)))
  (import "env" "log" (func $log (;0;) (type 1) (param i32)))
  (func $add (;1;) (type 0) (param $a i32) (param $b i32) (result i32)
    (local $t i64) (local f32 f64)
    local.get $a
    local.get $b
    i32.add
    drop
    block (result i32)
      i32.const 1
      i32.const 1
      br_if 0
      f32.const 1.4E-45
      drop
      f64.const nan:0x1234
      drop
      i32.load offset=4 align=2
    end
    if
      nop
    else
      i32.const 3
      call $log
    end
    i32.const 0
  )
  (table (;0;) 2 funcref)
  (memory (;0;) 1 2)
  (global $g (;0;) (mut i32) (i32.const 42))
  (export "add" (func $add))
  (elem (;0;) (i32.const 0) func $add)
  (data (;0;) (i32.const 8) "hi\00\ff\22")
)
