;; Tables and globals seen from the host: a funcref table "funcs" filled by an element
;; segment, an externref table "refs" the guest reads and writes, globals of each kind.
(module
  (type $binary (func (param i32 i32) (result i32)))
  (table $funcs (export "funcs") 3 10 funcref)
  (table $refs (export "refs") 2 externref)
  (global (export "counter") (mut i32) (i32.const 7))
  (global (export "big") i64 (i64.const -9007199254740993))
  (global (export "ratio") (mut f64) (f64.const 0.5))
  (func $add (export "add") (type $binary) (i32.add (local.get 0) (local.get 1)))
  (func $mul (type $binary) (i32.mul (local.get 0) (local.get 1)))
  (elem (table $funcs) (i32.const 0) func $add $mul)
  (func (export "apply") (param i32 i32 i32) (result i32)
    (call_indirect $funcs (type $binary) (local.get 1) (local.get 2) (local.get 0)))
  (func (export "get_ref") (param i32) (result externref)
    (table.get $refs (local.get 0)))
  (func (export "set_ref") (param i32 externref)
    (table.set $refs (local.get 0) (local.get 1))))
