/*
 * The instruction table, SIMD side: every operation of ops.def written with
 * wasm_simd128.h intrinsics, run on a few hundred input vectors (random and
 * edge values for each lane shape) and compared with ops-ref.c. Each line of
 * the report is an operation, a hash of its results and whether they all
 * equal the scalar ones.
 */
#include <stdio.h>
#include <string.h>

#include "simdkit.h"

/* Scalars into a vector through a call, so that an extract_lane stays an
 * extract_lane instead of being folded into a shuffle. */
__attribute__((noinline)) static v128_t vi32(int32_t x) { return wasm_i32x4_make(x, 0, 0, 0); }
__attribute__((noinline)) static v128_t vi64(int64_t x) { return wasm_i64x2_make(x, 0); }
__attribute__((noinline)) static v128_t vf32(float x) {
    V r;
    memset(&r, 0, sizeof r);
    memcpy(&r.u32[0], &x, 4);
    return r.v;
}
__attribute__((noinline)) static v128_t vf64(double x) {
    V r;
    memset(&r, 0, sizeof r);
    memcpy(&r.u64[0], &x, 8);
    return r.v;
}

/* Operands through calls the compiler cannot see into: with a plain load it
 * turns extract_lane of a loaded vector into a scalar load, splat of a
 * loaded scalar into load_splat and replace_lane into load_lane, and those
 * instructions would then be missing from the module. Not static: clang
 * would pass the loaded values instead of the pointers (argument promotion)
 * and then drop the calls. */
#define OPAQUE __attribute__((noinline))
OPAQUE v128_t vload(const V *p);
OPAQUE int8_t ld8(const int8_t *p);
OPAQUE int16_t ld16(const int16_t *p);
OPAQUE int32_t ld32(const int32_t *p);
OPAQUE int64_t ld64(const int64_t *p);
OPAQUE float ldf32(const float *p);
OPAQUE double ldf64(const double *p);
v128_t vload(const V *p) { return p->v; }
int8_t ld8(const int8_t *p) { return *p; }
int16_t ld16(const int16_t *p) { return *p; }
int32_t ld32(const int32_t *p) { return *p; }
int64_t ld64(const int64_t *p) { return *p; }
float ldf32(const float *p) { return *p; }
double ldf64(const double *p) { return *p; }

/* Stores into a buffer filled with 0xAA; the empty asm makes the compiler
 * keep the store and the load that reads the buffer back. */
#define STORE_THEN_READ(store)                                   \
    uint8_t buf[16];                                             \
    memset(buf, 0xAA, sizeof buf);                               \
    store;                                                       \
    __asm__ __volatile__("" : : "r"(buf) : "memory");            \
    return wasm_v128_load(buf)
__attribute__((noinline)) static v128_t st_v128(v128_t a) {
    uint8_t buf[19];
    memset(buf, 0xAA, sizeof buf);
    wasm_v128_store(buf + 3, a);
    __asm__ __volatile__("" : : "r"(buf) : "memory");
    return wasm_v128_load(buf);
}
__attribute__((noinline)) static v128_t st_lane8(v128_t a) { STORE_THEN_READ(wasm_v128_store8_lane(buf + 4, a, 13)); }
__attribute__((noinline)) static v128_t st_lane16(v128_t a) { STORE_THEN_READ(wasm_v128_store16_lane(buf + 7, a, 5)); }
__attribute__((noinline)) static v128_t st_lane32(v128_t a) { STORE_THEN_READ(wasm_v128_store32_lane(buf + 1, a, 1)); }
__attribute__((noinline)) static v128_t st_lane64(v128_t a) { STORE_THEN_READ(wasm_v128_store64_lane(buf + 5, a, 1)); }

#define OP(name, T, N, vexpr, sexpr)                                                              \
    static void simd_##name(V *r, const V *ap, const V *bp, const V *cp, int S, const uint8_t *P) { \
        V a = *ap, b = *bp, c = *cp;                                                            \
        v128_t A = vload(ap), B = vload(bp), C = vload(cp);                                     \
        (void)a; (void)b; (void)c; (void)A; (void)B; (void)C; (void)S; (void)P;                 \
        r->v = (vexpr);                                                                         \
    }
#include "ops.def"
#undef OP

static const struct {
    const char *name;
    opfn *simd;
    int kind;
} ops[] = {
#define OP(name, T, N, vexpr, sexpr) {#name, simd_##name, KIND_##T},
#include "ops.def"
#undef OP
};
#define NOPS ((int)(sizeof ops / sizeof ops[0]))

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void) {
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

static const uint8_t special8[] = {0, 1, 2, 0x7f, 0x80, 0x81, 0xfe, 0xff, 0x40, 0x10};
static const uint16_t special16[] = {0, 1, 0xffff, 0x7fff, 0x8000, 0x8001, 0x4000, 0xc000, 0x00ff, 0xff00, 0x00ff + 1};
static const uint32_t special32[] = {0, 1, 0xffffffffu, 0x7fffffffu, 0x80000000u, 0x80000001u, 0x7fff, 0xffff8000u,
                                     0x8000, 0xffff, 0x10000, 0xffff0000u};
static const uint64_t special64[] = {0, 1, ~0ull, 0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffull,
                                     0x100000000ull, 0xffffffff00000000ull, 0x80000000ull, 0xffffffff80000000ull};
/* As bit patterns: signed zeros, halves for rounding, the edges of the
 * integer conversions, denormals, the largest finite, infinities and NaNs
 * (quiet, negative, with payload, signalling). */
static const uint32_t specialf32[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3f000000, 0xbf000000, 0x3fc00000, 0x40200000,
    0xc0200000, 0x40600000, 0x3effffff, 0x4affffff, 0x4b000001, 0x4effffff, 0x4f000000, 0xcf000000,
    0xcf000001, 0x4f7fffff, 0x4f800000, 0xbf7d70a4, 0x00000001, 0x807fffff, 0x7f7fffff, 0xff7fffff,
    0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, 0x7fa00000, 0x501502f9, 0x3dcccccd, 0xc2f6e979};
static const uint64_t specialf64[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
    0x3fe0000000000000ull, 0xbfe0000000000000ull, 0x4004000000000000ull, 0xc00c000000000000ull,
    0x432fffffffffffffull, 0x4330000000000001ull, 0x41dfffffffe00000ull, 0x41e0000000000000ull,
    0xc1e0000000100000ull, 0xc1e0000000200000ull, 0x41efffffffffcccdull, 0x41f0000000000000ull,
    0x7e37e43c8800759cull, 0x0000000000000001ull, 0x7fefffffffffffffull, 0x7ff0000000000000ull,
    0xfff0000000000000ull, 0x7ff8000000000000ull, 0xfff8000000000001ull, 0x7ff4000000000000ull,
    0x36a0000000000000ull, 0x47efffffe0000000ull, 0x3fb999999999999aull, 0xc08f400000000000ull};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void fill(V *v, int flavor) {
    for (int k = 0; k < 2; k++) v->u64[k] = rnd();
    switch (flavor) {
    case 1:
        for (int k = 0; k < 16; k++) if (rnd() & 1) v->u8[k] = special8[rnd() % COUNT(special8)];
        break;
    case 2:
        for (int k = 0; k < 8; k++) if (rnd() & 3) v->u16[k] = special16[rnd() % COUNT(special16)];
        break;
    case 3:
        for (int k = 0; k < 4; k++) if (rnd() & 3) v->u32[k] = special32[rnd() % COUNT(special32)];
        break;
    case 4:
        for (int k = 0; k < 2; k++) if (rnd() & 3) v->u64[k] = special64[rnd() % COUNT(special64)];
        break;
    case 5:  /* f32: edge values, or numbers of a moderate size */
        for (int k = 0; k < 4; k++) {
            if (rnd() & 1) v->u32[k] = specialf32[rnd() % COUNT(specialf32)];
            else v->f32[k] = (float)((int64_t)(rnd() % 2000001) - 1000000) / 256.0f;
        }
        break;
    case 6:
        for (int k = 0; k < 2; k++) {
            if (rnd() & 1) v->u64[k] = specialf64[rnd() % COUNT(specialf64)];
            else v->f64[k] = (double)((int64_t)(rnd() % 20000001) - 10000000) / 1024.0;
        }
        break;
    case 7:  /* mostly zero bytes, for any_true and all_true */
        for (int k = 0; k < 16; k++) if (rnd() % 16) v->u8[k] = 0;
        if (rnd() & 1) v->u64[rnd() & 1] = 0;
        break;
    }
}

static void canon(V *v, int kind) {
    if (kind == KIND_f32) {
        for (int k = 0; k < 4; k++) if (v->f32[k] != v->f32[k]) v->u32[k] = 0x7fc00000;
    } else if (kind == KIND_f64) {
        for (int k = 0; k < 2; k++) if (v->f64[k] != v->f64[k]) v->u64[k] = 0x7ff8000000000000ull;
    }
}

static void hex(const char *label, const V *v) {
    printf("    %s", label);
    for (int k = 0; k < 16; k++) printf("%s%02x", k && k % 4 == 0 ? " " : "", v->u8[k]);
    printf("\n");
}

static const int shifts[] = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 255, -1, -8, 1000003};

int selftest(int vectors, int verbose) {
    int failed_ops = 0;
    uint64_t all = 0xcbf29ce484222325ull;
    for (int n = 0; n < NOPS; n++) {
        uint64_t h = 0xcbf29ce484222325ull;
        int bad = 0;
        rng_state = 0x9E3779B97F4A7C15ull ^ (uint64_t)n;
        for (int t = 0; t < vectors; t++) {
            V a, b, c, got, want;
            int flavor = t % 8;
            fill(&a, flavor);
            fill(&b, (rnd() & 3) ? flavor : (int)(rnd() % 8));
            fill(&c, flavor);
            if ((rnd() & 3) == 0) {  /* b mostly equal to a: comparisons see equal lanes */
                for (int k = 0; k < 16; k++) b.u8[k] = (rnd() & 7) ? a.u8[k] : (uint8_t)rnd();
            }
            int s = shifts[t % COUNT(shifts)];
            uint8_t mem[48];
            memcpy(mem, &a, 16);
            memcpy(mem + 16, &b, 16);
            memcpy(mem + 32, &c, 16);
            ops[n].simd(&got, &a, &b, &c, s, mem);
            ref_ops[n](&want, &a, &b, &c, s, mem);
            canon(&got, ops[n].kind);
            canon(&want, ops[n].kind);
            for (int k = 0; k < 16; k++) h = (h ^ got.u8[k]) * 0x100000001b3ull;
            if (memcmp(&got, &want, 16) != 0) {
                if (bad == 0 && verbose) {
                    printf("  %s differs on vector %d (shift %d):\n", ops[n].name, t, s);
                    hex("a      ", &a);
                    hex("b      ", &b);
                    hex("c      ", &c);
                    hex("simd   ", &got);
                    hex("scalar ", &want);
                }
                bad++;
            }
        }
        char name[64];
        snprintf(name, sizeof name, "%s", ops[n].name);
        char *underscore = strchr(name, '_');
        if (underscore) *underscore = '.';
        printf("%-34s %016llx %s", name, (unsigned long long)h, bad ? "MISMATCH" : "ok");
        if (bad) printf(" (%d of %d vectors)", bad, vectors);
        printf("\n");
        failed_ops += bad != 0;
        for (int k = 0; k < 8; k++) all = (all ^ (uint8_t)(h >> (8 * k))) * 0x100000001b3ull;
    }
    printf("%d operations, %d vectors each: %d differ from scalar code; all results hash to %016llx\n", NOPS, vectors,
           failed_ops, (unsigned long long)all);
    return failed_ops;
}
