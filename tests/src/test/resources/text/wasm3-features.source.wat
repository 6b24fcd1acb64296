;; Wasm 3.0 features the printer spells: tags and try_table, the legacy try, memory64,
;; multiple memories, tail calls, SIMD immediates, exact floats,
;; passive and declarative segments, br_table.
(module
  (type $sig (func (param i32) (result i32)))
  (tag $oops (param i32))
  (memory $small 1)
  (memory $big i64 1 10)
  (table $t 2 funcref)
  (global $limit i64 (i64.add (i64.const 1) (i64.const 2)))
  (func $f (type $sig) (param i32) (result i32)
    (local v128 externref funcref)
    block $done
      block $h (result i32)
        try_table (catch $oops $h) (catch_all $done)
          local.get 0
          throw $oops
        end
        br $done
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
      throw $oops
    catch $oops
    catch_all
      i32.const 0
    end
    drop
    i64.const 8
    i64.load $big offset=16 align=4
    drop
    i32.const 0
    i32.load8_u $small offset=1
    drop
    v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16
    v128.const i32x4 0 -1 2 3
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
    call_indirect $t (type $sig)
    drop
    local.get 0
    return_call $f)
  (func $g (param i32) (result i32)
    local.get 0
    i32.const 0
    return_call_indirect $t (type $sig))
  (export "f" (func $f))
  (elem declare func $f)
  (elem (table $t) (i32.const 0) funcref (ref.func $f) (ref.null func))
  (data $d "passive\n")
  (data (memory $big) (i64.const 0) "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123")
)
