;; Caller access from a start function: $init runs during instantiation and calls the
;; host import host.log with a string in this instance's memory; the host reads it
;; through the Caller and bumps the exported global "calls" through caller.exports.
(module
  (import "host" "log" (func $log (param i32 i32)))
  (memory (export "memory") 1)
  (global $calls (export "calls") (mut i32) (i32.const 0))
  (data (i32.const 16) "started: \c3\bc\c3\b1\c3\af")
  (data (i32.const 64) "hello again")
  (func $init
    (call $log (i32.const 16) (i32.const 15)))
  (start $init)
  (func (export "hello") (result i32)
    (call $log (i32.const 64) (i32.const 11))
    (global.get $calls)))
