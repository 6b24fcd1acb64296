;; InstrumentationTest: a trap two calls deep, located at its instruction.
(module
  (func $quotient (param $a i32) (param $b i32) (result i32)
    (i32.div_s (local.get $a) (local.get $b)))
  (func (export "divide") (param $x i32) (param $y i32) (result i32)
    (i32.add (i32.const 1) (call $quotient (local.get $x) (local.get $y)))))
