;; Error paths: divide traps on a zero divisor two frames deep, call_back calls the host
;; import env.callback (which may throw), store writes into memory so the tests can see
;; the instance still works after a failure.
(module
  (import "env" "callback" (func $callback (param i32) (result i32)))
  (memory (export "memory") 1)
  (func $inner (param i32 i32) (result i32)
    (i32.div_s (local.get 0) (local.get 1)))
  (func $divide (export "divide") (param i32 i32) (result i32)
    (call $inner (local.get 0) (local.get 1)))
  (func (export "call_back") (param i32) (result i32)
    (i32.add (call $callback (local.get 0)) (i32.const 1)))
  (func (export "store") (param i32 i32)
    (i32.store (local.get 0) (local.get 1)))
  (func (export "load") (param i32) (result i32)
    (i32.load (local.get 0)))
  (func (export "wide") (param i64 f64) (result f64)
    (f64.add (f64.convert_i64_s (local.get 0)) (local.get 1))))
