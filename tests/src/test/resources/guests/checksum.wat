;; A checksum over memory for the concurrency tests: fills memory with $n values of a linear
;; congruential sequence from $seed (wrapping around its 16384 words), then folds every word
;; in. It depends on each store and load, so instances that shared state would disagree.
(module
  (memory (export "memory") 1)
  (func (export "checksum") (param $seed i32) (param $n i32) (result i32)
    (local $i i32) (local $x i32) (local $sum i32)
    (local.set $x (local.get $seed))
    (block $filled
      (loop $fill
        (br_if $filled (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1103515245)) (i32.const 12345)))
        (i32.store (i32.shl (i32.and (local.get $i) (i32.const 16383)) (i32.const 2)) (local.get $x))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $fill)))
    (local.set $i (i32.const 0))
    (block $folded
      (loop $fold
        (br_if $folded (i32.ge_u (local.get $i) (i32.const 16384)))
        (local.set $sum (i32.add (i32.rotl (local.get $sum) (i32.const 5))
                                 (i32.load (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $fold)))
    (local.get $sum)))
