;; A WASI program that opens data.txt in its first preopen (fd 3) $n times, never closes a
;; descriptor, and exits with the number it opened: the leak tests check nothing stays open.
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "data.txt")
  (func $open_many (export "open_many") (param $n i32) (result i32)
    (local $opened i32)
    (block $done
      (loop $again
        (br_if $done (i32.ge_u (local.get $opened) (local.get $n)))
        ;; fd 3, no lookup flags, "data.txt", no oflags, rights fd_read (2), fd out at 0
        (br_if $done (i32.ne (call $path_open (i32.const 3) (i32.const 0) (i32.const 16) (i32.const 8)
                                              (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 0))
                             (i32.const 0)))
        (local.set $opened (i32.add (local.get $opened) (i32.const 1)))
        (br $again)))
    (local.get $opened))
  (func (export "_start")
    (call $proc_exit (call $open_many (i32.const 200)))))
