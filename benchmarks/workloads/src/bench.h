/*
 * Shared by every workload: fixed-width types and the run() export, without libc.
 * The workloads are compiled freestanding (no WASI, no imports), so nothing here may
 * include a system header.
 */
#ifndef BENCH_H
#define BENCH_H

typedef __UINT8_TYPE__ u8;
typedef __UINT32_TYPE__ u32;
typedef __INT32_TYPE__ i32;
typedef __UINT64_TYPE__ u64;
typedef __INT64_TYPE__ i64;
typedef __SIZE_TYPE__ usize;

/* Every workload exports run(): a fixed amount of work that returns a checksum. */
#ifdef __wasm__
#define BENCH_RUN __attribute__((export_name("run"))) i64 run(void)
#else
#define BENCH_RUN i64 run(void)
#endif

#ifdef __wasm__
/*
 * clang lowers struct copies and large zeroing to calls of memcpy and memset even with
 * -fno-builtin; with -nostdlib nobody else defines them. -fno-builtin keeps clang from
 * turning these very loops back into calls to themselves.
 */
void *memcpy(void *destination, const void *source, usize count) {
    u8 *to = destination;
    const u8 *from = source;
    for (usize i = 0; i < count; i++) {
        to[i] = from[i];
    }
    return destination;
}

void *memset(void *destination, int value, usize count) {
    u8 *to = destination;
    for (usize i = 0; i < count; i++) {
        to[i] = (u8) value;
    }
    return destination;
}
#endif

/* A small deterministic generator (xorshift32), so inputs need no data files. */
static inline u32 next_random(u32 *state) {
    u32 x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

#endif
