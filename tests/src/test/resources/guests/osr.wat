;; Long loops for on-stack replacement: each function is called once with enough iterations
;; that its loop moves to compiled code while it runs. They leave their loops in every way
;; Wasm allows (falling through, br_if out with values, return, a trap) with values of all
;; four number types in locals and on the operand stack, so the locals and stack the
;; interpreter continues with after the compiled loop must be exactly the loop's.
(module
  (memory (export "memory") 16)
  (global $visits (export "visits") (mut i32) (i32.const 0))

  ;; 5 + the polynomial hash of (0 .. inner-1), `outer` times over + the sum of 0.5 per step:
  ;; the 5 waits on the operand stack through both loops.
  (func $nested (export "nested") (param $outer i32) (param $inner i32) (result i64)
    (local $i i32) (local $j i32) (local $acc i64) (local $half f64)
    (i64.const 5)
    (loop $o
      (local.set $i (i32.const 0))
      (loop $in
        (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31))
                                 (i64.extend_i32_u (local.get $i))))
        (local.set $half (f64.add (local.get $half) (f64.const 0.5)))
        (br_if $in (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $inner))))
      (br_if $o (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $outer))))
    (i64.add (local.get $acc))
    (i64.add (i64.trunc_f64_s (local.get $half))))

  ;; The first i >= start with i * i mod 1000003 == target, plus the steps taken (an f32
  ;; counter), returned from inside the loop; -1 after `limit` steps.
  (func $search (export "search") (param $start i32) (param $target i32) (param $limit i32) (result i32)
    (local $i i32) (local $steps f32)
    (local.set $i (local.get $start))
    (loop $next
      (local.set $steps (f32.add (local.get $steps) (f32.const 1)))
      (if (i32.eq (i32.rem_u (i32.mul (local.get $i) (local.get $i)) (i32.const 1000003)) (local.get $target))
        (then (return (i32.add (local.get $i) (i32.trunc_f32_u (local.get $steps))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (f32.lt (local.get $steps) (f32.convert_i32_u (local.get $limit)))))
    (i32.const -1))

;; Sums i for i in 0 .. n-1 into memory word 0 and counts steps in $visits, leaving the
  ;; loop by a br_if that carries three values out of a block, with an i64 waiting under
  ;; the block. Returns (7 + n, n as f64, 3).
  (func $carry (export "carry") (param $n i32) (result i32 f64 i32)
    (local $i i32) (local $count i32) (local $real f64) (local $three i32)
    (i64.const 7)
    (block $out (result i32 f64 i32)
      (loop $step
        (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (local.get $i)))
        (global.set $visits (i32.add (global.get $visits) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $out (local.get $i) (f64.convert_i32_s (local.get $i)) (i32.const 3)
                    (i32.ge_u (local.get $i) (local.get $n)))
        (drop) (drop) (drop)
        (br $step))
      (unreachable))
    (local.set $three)
    (local.set $real)
    (local.set $count)
    (i32.add (i32.wrap_i64) (local.get $count))
    (local.get $real)
    (local.get $three))

  ;; Walks an i64 pointer down from `from` by 8 until it leaves memory: traps out of bounds.
  (func $walk_off (export "walk_off") (param $from i32) (result i64)
    (local $p i32) (local $sum i64)
    (local.set $p (local.get $from))
    (loop $down
      (local.set $sum (i64.add (local.get $sum) (i64.load (local.get $p))))
      (local.set $p (i32.sub (local.get $p) (i32.const 8)))
      (br $down))
    (local.get $sum))

  ;; v128 values through a replaced loop: (1 2 3 4) waits on the operand stack, a v128 local
  ;; accumulates i * (1 2 3 4), and the loop is left by a br_if carrying splat(n) out of a
  ;; block. Returns their i32x4 sum: lane k is k + n + k * n(n-1)/2, wrapping.
  (func $vectors (export "vectors") (param $n i32) (result v128)
    (local $i i32) (local $acc v128)
    (v128.const i32x4 1 2 3 4)
    (block $out (result v128)
      (loop $step
        (local.set $acc (i32x4.add (local.get $acc)
                                   (i32x4.mul (i32x4.splat (local.get $i)) (v128.const i32x4 1 2 3 4))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $out (i32x4.splat (local.get $i)) (i32.ge_u (local.get $i) (local.get $n)))
        (drop)
        (br $step))
      (unreachable))
    (i32x4.add)
    (i32x4.add (local.get $acc)))
)
