(module
  (type (;0;) (func (param i32) (result i32)))
  (type (;1;) (func (param i32)))
  (func (;0;) (type 0) (param i32) (result i32)
    (local v128 externref funcref)
    block
      block (result i32)
        try_table (catch 0 0) (catch_all 1)
          local.get 0
          throw 0
        end
        br 1
      end
      drop
    end
    block
      block
        local.get 0
        br_table 0 1 0
      end
    end
    try (result i32)
      i32.const 7
      throw 0
    catch 0
    catch_all
      i32.const 0
    end
    drop
    i64.const 8
    i64.load 1 offset=16 align=4
    drop
    i32.const 0
    i32.load8_u offset=1
    drop
    v128.const i32x4 0x04030201 0x08070605 0x0c0b0a09 0x100f0e0d
    v128.const i32x4 0x00000000 0xffffffff 0x00000002 0x00000003
    i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31
    f32x4.extract_lane 3
    drop
    f32.const -nan:0x200000
    drop
    f64.const 0.1
    drop
    f64.const -inf
    drop
    local.get 0
    i32.const 0
    call_indirect (type 0)
    drop
    local.get 0
    return_call 0
  )
  (func (;1;) (type 0) (param i32) (result i32)
    local.get 0
    i32.const 0
    return_call_indirect (type 0)
  )
  (table (;0;) 2 funcref)
  (memory (;0;) 1)
  (memory (;1;) i64 1 10)
  (tag (;0;) (type 1) (param i32))
  (global (;0;) i64 (i64.const 1) (i64.const 2) (i64.add))
  (export "f" (func 0))
  (elem (;0;) declare func 0)
  (elem (;1;) (i32.const 0) funcref (ref.func 0) (ref.null func))
  (data (;0;) "passive\0a")
  (data (;1;) (memory 1) (i64.const 0)
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    "0123")
)
