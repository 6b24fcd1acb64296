;; InstrumentationTest: what a debugger shows beside locals (globals, memory, float bits)
;; and the expressions it evaluates.
(module
  (memory $heap 1)
  (data (i32.const 0) "hello, scopes")
  (global $counter (mut i32) (i32.const 40))
  (global $scale f64 (f64.const 2.5))
  (global $big (mut i64) (i64.const -9007199254740993))
  (func (export "step") (param $x i32) (result i32)
    (local $odd f32)
    (local.set $odd (f32.reinterpret_i32 (i32.const 0x7fa00001)))
    ;; The set runs inside f32.reinterpret_i32 (no stop of its own): the NaN is seen on
    ;; the stack here instead.
    (f32.store (i32.const 16) (local.get $odd))
    (global.set $counter (i32.add (global.get $counter) (local.get $x)))
    (global.get $counter)))
