;; Resource limits: each export runs into one of them (docs/reliability.md).
(module
  (import "env" "reenter" (func $reenter (param i32) (result i32)))
  (memory (export "memory") 1)
  (table (export "table") 1 funcref)
  ;; Grows memory by $step pages until memory.grow fails; returns the pages reached.
  (func (export "grow_memory") (param $step i32) (result i32)
    (block $done
      (loop $again
        (br_if $done (i32.eq (memory.grow (local.get $step)) (i32.const -1)))
        (br $again)))
    (memory.size))
  ;; Grows the table by $step elements until table.grow fails; returns the size reached.
  (func (export "grow_table") (param $step i32) (result i32)
    (block $done
      (loop $again
        (br_if $done (i32.eq (table.grow 0 (ref.null func) (local.get $step)) (i32.const -1)))
        (br $again)))
    (table.size 0))
  ;; Never returns: counts in a loop.
  (func (export "spin") (param $n i32) (result i32)
    (loop $again
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $again))
    (local.get $n))
  ;; Recursion $n deep; returns $n.
  (func $down (export "down") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (call $down (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))))
  ;; Recursion without end.
  (func $forever (export "forever") (param $n i32) (result i32)
    (i32.add (call $forever (i32.add (local.get $n) (i32.const 1))) (i32.const 1)))
  ;; Recursion through the host: calls env.reenter($n + 1), which calls this export again.
  (func (export "through_host") (param $n i32) (result i32)
    (i32.add (call $reenter (i32.add (local.get $n) (i32.const 1))) (i32.const 1))))
