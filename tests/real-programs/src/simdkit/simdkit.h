/*
 * simdkit: a WASI program written to exercise wasm SIMD (v128) in a real
 * build: text statistics, image filters and a table of per-instruction
 * checks, each done with wasm_simd128.h intrinsics and checked against
 * plain C. See tests/real-programs/README.md.
 */
#ifndef SIMDKIT_H
#define SIMDKIT_H

#include <stddef.h>
#include <stdint.h>
#include <wasm_simd128.h>

/* One 128-bit value seen as each lane shape. */
typedef union {
    v128_t v;
    int8_t i8[16];
    uint8_t u8[16];
    int16_t i16[8];
    uint16_t u16[8];
    int32_t i32[4];
    uint32_t u32[4];
    int64_t i64[2];
    uint64_t u64[2];
    float f32[4];
    double f64[2];
} V;

/* ops.c: the instruction table. Returns the number of mismatches. */
int selftest(int vectors, int verbose);

/* The scalar side of the table, built without vectorisation (ops-ref.c). */
typedef void opfn(V *r, const V *a, const V *b, const V *c, int s, const uint8_t *p);
extern opfn *const ref_ops[];

/* Lane kinds of an operation's result: float results have their NaNs made
 * canonical before comparing, as NaN payloads of arithmetic differ by engine. */
enum { KIND_i8, KIND_u8, KIND_i16, KIND_u16, KIND_i32, KIND_u32, KIND_i64, KIND_u64, KIND_f32, KIND_f64 };

/* Shuffle patterns used by both sides. */
#define SHUF_INTERLEAVE 0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23
#define SHUF_MIXED 15, 31, 0, 9, 9, 9, 26, 3, 17, 4, 30, 1, 16, 2, 8, 24
#define SHUF_REVERSE_I16 14, 15, 12, 13, 10, 11, 8, 9, 6, 7, 4, 5, 2, 3, 0, 1
#define SHUF_EVEN_BYTES 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30
/* wasm_i8x16_shuffle with one of the patterns above (expanded first). */
#define SHUFFLE(a, b, pattern) SHUFFLE_EXPANDED(a, b, pattern)
#define SHUFFLE_EXPANDED(a, b, ...) wasm_i8x16_shuffle(a, b, __VA_ARGS__)

#endif
