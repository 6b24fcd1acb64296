(module
  (type (func (param i32 i32) (result i32)))
  (import "env" "log" (func $log (param i32)))
  (memory 1 2)
  (global $g (mut i32) (i32.const 42))
  (table 2 funcref)
  (func $add (export "add") (param $a i32) (param $b i32) (result i32) (local $t i64) (local f32 f64)
    local.get $a
    local.get $b
    i32.add
    drop
    block (result i32)
      i32.const 1
      i32.const 1
      br_if 0
      f32.const 0x1p-149
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
    i32.const 0)
  (elem (i32.const 0) $add)
  (data (i32.const 8) "hi\00\ff\"")
)
