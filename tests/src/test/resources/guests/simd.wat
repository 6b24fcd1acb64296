;; v128 across the host boundary: parameters, results, imports, a global.
(module
  (import "host" "log" (func $log (param v128)))
  (import "host" "make" (func $make (result v128)))
  (global (export "last") (mut v128) (v128.const i32x4 0 0 0 0))
  (func (export "add") (param v128 v128) (result v128)
    (i32x4.add (local.get 0) (local.get 1)))
  (func (export "splat") (param i32) (result v128)
    (i32x4.splat (local.get 0)))
  (func (export "lane") (param v128 i32) (result i32)
    (i8x16.swizzle (local.get 0) (i8x16.splat (local.get 1)))
    (i32x4.extract_lane 0)
    (i32.const 0xFF)
    (i32.and))
  ;; Hands the host a vector, then doubles what the host makes and keeps it in the global.
  (func (export "roundTrip") (param v128) (result v128)
    (call $log (local.get 0))
    (global.set 0 (i16x8.add (call $make) (call $make)))
    (global.get 0)))
