;; Wasm 3.0 memories (MemoryKindsTest): a 64-bit memory the tests grow past 4 GiB, a 32-bit
;; one that can outgrow a Java array, and a small one, with copies between them. All start
;; at one page: each test grows only the memory it needs (gigabytes are zeroed each time).
(module
  (memory $big (export "big") i64 1)
  (memory $small (export "small") 1)
  (memory $wide (export "wide") 1 65536)

  (func (export "store64") (param $address i64) (param $value i64)
    (i64.store $big (local.get $address) (local.get $value)))
  (func (export "load64") (param $address i64) (result i64)
    (i64.load $big (local.get $address)))
  ;; With an address near 2^64, address + offset wraps around, which must trap, not wrap.
  (func (export "loadWrapping") (param $address i64) (result i32)
    (i32.load $big offset=0xffffffff (local.get $address)))
  (func (export "size64") (result i64) (memory.size $big))
  (func (export "grow64") (param $delta i64) (result i64) (memory.grow $big (local.get $delta)))
  ;; memory.copy from the 64-bit memory into the small 32-bit one: i32 destination,
  ;; i64 source, i32 length.
  (func (export "copyToSmall") (param $to i32) (param $from i64) (param $length i32)
    (memory.copy $small $big (local.get $to) (local.get $from) (local.get $length)))
  (func (export "loadSmall") (param $address i32) (result i64)
    (i64.load $small (local.get $address)))

  (func (export "storeWide") (param $address i32) (param $value i32)
    (i32.store $wide (local.get $address) (local.get $value)))
  (func (export "loadWide") (param $address i32) (result i32)
    (i32.load $wide (local.get $address)))
  (func (export "growWide") (param $delta i32) (result i32) (memory.grow $wide (local.get $delta)))
)
