;; CdpDebuggerTest: a function with named parameters that calls another, for stepping into
;; and out of a callee in Chrome DevTools.
(module
  (func $square (param $x i32) (result i32)
    (i32.mul (local.get $x) (local.get $x)))
  (func $sum_of_squares (export "sum_of_squares") (param $a i32) (param $b i32) (result i32)
    (local $sa i32)
    (local.set $sa (call $square (local.get $a)))
    (i32.add (local.get $sa) (call $square (local.get $b)))))
