;; An exception-heavy workload (Wasm exception handling): 300,000 calls, every third of
;; which throws a tagged i32 that the caller catches, in the legacy try/catch form that
;; LLVM's -fwasm-exceptions emits. What it stresses: throw, the unwinding of one frame,
;; catch by tag with a payload, and the loop around it. src/exceptions.cpp is the same
;; loop with C++ exceptions, the native reference. Built by build.sh with wabt's wat2wasm.
(module
  (tag $multiple (param i32))
  (func $check (param $x i32) (result i32)
    ;; A multiple of 3 throws 7x; anything else returns x + 1.
    (if (i32.eqz (i32.rem_u (local.get $x) (i32.const 3)))
      (then (throw $multiple (i32.mul (local.get $x) (i32.const 7)))))
    (i32.add (local.get $x) (i32.const 1)))
  (func (export "run") (result i64)
    (local $i i32) (local $sum i64) (local $payload i32)
    (loop $next
      (try
        (do
          (local.set $sum (i64.add (local.get $sum) (i64.extend_i32_u (call $check (local.get $i))))))
        (catch $multiple
          (local.set $payload)
          (local.set $sum (i64.add (local.get $sum)
                                   (i64.mul (i64.extend_i32_u (local.get $payload)) (i64.const 3))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const 300000))))
    (local.get $sum)))
