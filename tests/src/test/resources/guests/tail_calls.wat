;; Tail calls (TailCallTest): chains of return_call and return_call_indirect far longer
;; than any stack is deep, entered from the host and from call/call_indirect; their traps;
;; multi-value results; tail calls into a host function and into another instance.
(module
  (type $i64_to_i32 (func (param i64) (result i32)))
  (type $pair (func (param i32 i64) (result i64 i32)))
  (import "host" "answer" (func $answer (param i32) (result i32)))
  (import "other" "twice" (func $twice (param i32) (result i32)))
  ;; Slot 3 stays null; slot 4 is past the end.
  (table $handlers 4 funcref)
  (elem (table $handlers) (i32.const 0) func $even_indirect $odd_indirect $swap)

  (func $even (export "even") (param $n i64) (result i32)
    (if (result i32) (i64.eqz (local.get $n))
      (then (i32.const 1))
      (else (return_call $odd (i64.sub (local.get $n) (i64.const 1))))))
  (func $odd (export "odd") (param $n i64) (result i32)
    (if (result i32) (i64.eqz (local.get $n))
      (then (i32.const 0))
      (else (return_call $even (i64.sub (local.get $n) (i64.const 1))))))

  (func $even_indirect (export "even_indirect") (type $i64_to_i32)
    (if (result i32) (i64.eqz (local.get 0))
      (then (i32.const 1))
      (else (return_call_indirect $handlers (type $i64_to_i32)
              (i64.sub (local.get 0) (i64.const 1)) (i32.const 1)))))
  (func $odd_indirect (type $i64_to_i32)
    (if (result i32) (i64.eqz (local.get 0))
      (then (i32.const 0))
      (else (return_call_indirect $handlers (type $i64_to_i32)
              (i64.sub (local.get 0) (i64.const 1)) (i32.const 0)))))

  ;; Chains started by an ordinary call inside Wasm: the call site runs them.
  (func (export "even_via_call") (param i64) (result i32)
    (i32.add (call $even (local.get 0)) (i32.const 10)))
  (func (export "even_via_call_indirect") (param i64) (result i32)
    (i32.add (call_indirect $handlers (type $i64_to_i32) (local.get 0) (i32.const 0)) (i32.const 10)))

  ;; Two results carried through a chain, and through the table.
  (func $countdown (export "countdown") (param $k i32) (param $sum i64) (result i64 i32)
    (if (i32.eqz (local.get $k))
      (then (return (local.get $sum) (i32.const -1))))
    (return_call $countdown (i32.sub (local.get $k) (i32.const 1))
      (i64.add (local.get $sum) (i64.extend_i32_u (local.get $k)))))
  (func $swap (type $pair)
    (i64.mul (local.get 1) (i64.const 2)) (i32.add (local.get 0) (i32.const 1)))
  (func (export "swap_indirect") (param i32 i64) (result i64 i32)
    (return_call_indirect $handlers (type $pair) (local.get 0) (local.get 1) (i32.const 2)))

  ;; Calls slot $slot of the table as i64 -> i32: traps for slots 2 (type), 3 (null), 4+.
  (func (export "call_slot") (param $slot i32) (param $n i64) (result i32)
    (return_call_indirect $handlers (type $i64_to_i32) (local.get $n) (local.get $slot)))

  ;; A trap in a tail-called function.
  (func $divide (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "tail_divide") (param i32 i32) (result i32)
    (return_call $divide (local.get 0) (local.get 1)))

  ;; Tail calls into imports.
  (func (export "to_host") (param i32) (result i32)
    (return_call $answer (local.get 0)))
  (func (export "to_other") (param i32) (result i32)
    (return_call $twice (i32.add (local.get 0) (i32.const 1))))

  ;; A tail call from inside a loop, out of an if in it.
  (func (export "loop_then_tail") (param $n i64) (result i32)
    (local $i i64)
    (loop $again
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (if (i64.eq (local.get $i) (local.get $n))
        (then (return_call $odd (local.get $n))))
      (br $again))
    (unreachable))

  ;; Ordinary recursion still runs out of stack.
  (func $deep (export "deep") (param i64) (result i64)
    (i64.add (call $deep (i64.add (local.get 0) (i64.const 1))) (i64.const 1))))
