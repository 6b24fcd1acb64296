;; The fuzzing-support loggers and the `throw` import, shared by both engines of the
;; differential fuzzer (docs/reliability.md). Floats and v128 values reach the host as
;; integer bits, so a NaN's payload and a signalling NaN survive the host boundary (a
;; JavaScript number would quiet an f32 NaN and cannot hold a v128 at all).
(module
  (import "host" "i32" (func $i32 (param i32)))
  (import "host" "i64" (func $i64 (param i64)))
  (import "host" "f32" (func $f32 (param i32)))
  (import "host" "f64" (func $f64 (param i64)))
  (import "host" "v128" (func $v128 (param i64 i64)))
  (import "host" "host-error" (func $host_error))
  (tag $wasmtag (export "wasmtag") (param i32))
  (func (export "log-i32") (param i32) (call $i32 (local.get 0)))
  (func (export "log-i64") (param i64) (call $i64 (local.get 0)))
  (func (export "log-f32") (param f32) (call $f32 (i32.reinterpret_f32 (local.get 0))))
  (func (export "log-f64") (param f64) (call $f64 (i64.reinterpret_f64 (local.get 0))))
  (func (export "log-v128") (param v128)
    (call $v128 (i64x2.extract_lane 0 (local.get 0)) (i64x2.extract_lane 1 (local.get 0))))
  ;; throw(0) raises a host error (caught by catch_all only), throw(n) the Wasm exception
  ;; (wasmtag n).
  (func (export "throw") (param i32)
    (if (i32.eqz (local.get 0))
      (then (call $host_error))
      (else (throw $wasmtag (local.get 0))))))
