;; PolyglotSteppingTest: a Wasm function between two JavaScript ones, for stepping from a
;; host into Wasm, from Wasm into a host function, and back.
(module
  (import "env" "twice" (func $twice (param i32) (result i32)))
  (func $run (export "run") (param $n i32) (result i32)
    (i32.add (call $twice (local.get $n)) (i32.const 1))))
