;; FusedLocalSetTest: a local.set or local.tee that the node builder folds into the
;; instruction computing its value (which then writes the local itself).
(module
  (memory 1)
  (data (i32.const 8) "\2a\00\00\00")
  ;; An entry still holding $x's old value lies below when the folded set overwrites $x.
  (func (export "oldBelow") (param $x i32) (result i32)
    local.get $x
    local.get $x
    i32.const 10
    i32.add
    local.set $x
    local.get $x
    i32.const 100
    i32.mul
    i32.add)
  ;; A folded tee leaves its entry on the local; a later set of that local must not change it.
  (func (export "teeThenSet") (param $x i32) (result i32)
    (local $t i32)
    local.get $x
    i32.const 5
    i32.add
    local.tee $t
    i32.const 7
    local.set $t
    local.get $t
    i32.const 1000
    i32.mul
    i32.add)
  ;; A load writes the local its address came from.
  (func (export "loadInto") (param $p i32) (result i32)
    local.get $p
    i32.load offset=4
    local.set $p
    local.get $p)
  ;; Folded writes carried around a loop's back edge.
  (func (export "sum") (param $n i32) (result i64)
    (local $i i32) (local $acc i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    local.get $acc)
  ;; A folded write nothing reads.
  (func (export "deadWrite") (param $x f64) (result f64)
    (local $unused f64)
    (local.set $unused (f64.mul (local.get $x) (f64.const 2)))
    (f64.add (local.get $x) (f64.const 1))))
