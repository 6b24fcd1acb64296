/*
 * The scalar side of the instruction table: each operation of ops.def as a
 * plain C loop over lanes. build.sh compiles this file with -fno-vectorize
 * -fno-slp-vectorize, so these use scalar Wasm instructions only and a
 * wrong SIMD result cannot be matched by the same wrong SIMD result here.
 */
#include <math.h>
#include <string.h>

#include "simdkit.h"

static int8_t S8(int x) { return x < -128 ? -128 : x > 127 ? 127 : (int8_t)x; }
static uint8_t U8(int x) { return x < 0 ? 0 : x > 255 ? 255 : (uint8_t)x; }
static int16_t S16(int64_t x) { return x < -32768 ? -32768 : x > 32767 ? 32767 : (int16_t)x; }
static uint16_t U16(int64_t x) { return x < 0 ? 0 : x > 65535 ? 65535 : (uint16_t)x; }

static uint8_t POPCNT8(uint8_t x) {
    uint8_t n = 0;
    for (; x; x &= (uint8_t)(x - 1)) n++;
    return n;
}

static uint16_t RD16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t RD32(const uint8_t *p) { return RD16(p) | (uint32_t)RD16(p + 2) << 16; }
static uint64_t RD64(const uint8_t *p) { return RD32(p) | (uint64_t)RD32(p + 4) << 32; }

/* Wasm's min and max: NaN if either is, and -0 below +0. */
static float FMIN(float x, float y) {
    if (x != x || y != y) return NAN;
    if (x == 0 && y == 0) return signbit(x) ? x : y;
    return x < y ? x : y;
}
static float FMAX(float x, float y) {
    if (x != x || y != y) return NAN;
    if (x == 0 && y == 0) return signbit(x) ? y : x;
    return x > y ? x : y;
}
static double DMIN(double x, double y) {
    if (x != x || y != y) return NAN;
    if (x == 0 && y == 0) return signbit(x) ? x : y;
    return x < y ? x : y;
}
static double DMAX(double x, double y) {
    if (x != x || y != y) return NAN;
    if (x == 0 && y == 0) return signbit(x) ? y : x;
    return x > y ? x : y;
}

/* Round half to even, spelled out rather than left to rint(). */
static double NEAREST(double x) {
    if (x != x || x == INFINITY || x == -INFINITY || fabs(x) >= 4503599627370496.0) return x;
    double f = floor(x), d = x - f, r;
    if (d < 0.5) r = f;
    else if (d > 0.5) r = f + 1;
    else r = fmod(f, 2.0) == 0 ? f : f + 1;
    return r == 0 ? copysign(0.0, x) : r;
}
static float NEARESTF(float x) { return (float)NEAREST(x); }

static int32_t TS32(double x) {
    if (x != x) return 0;
    if (x >= 2147483648.0) return INT32_MAX;
    if (x <= -2147483649.0) return INT32_MIN;
    return (int32_t)x;
}
static uint32_t TU32(double x) {
    if (x != x || x <= -1.0) return 0;
    if (x >= 4294967296.0) return UINT32_MAX;
    return (uint32_t)x;
}

static uint8_t pick(const V *a, const V *b, int index) { return index < 16 ? a->u8[index] : b->u8[index - 16]; }
#define PICK(pattern) pick(&a, &b, ((const int[16]){pattern})[i])

#define ALL_TRUE(T, N) ({ int all = 1; for (int k = 0; k < N; k++) all &= a.T[k] != 0; all; })
#define BITMASK(T, N) ({ int m = 0; for (int k = 0; k < N; k++) m |= (a.T[k] < 0) << k; m; })

#define OP(name, T, N, vexpr, sexpr)                                                             \
    static void ref_##name(V *r, const V *ap, const V *bp, const V *cp, int s, const uint8_t *p) { \
        V a = *ap, b = *bp, c = *cp, out;                                                      \
        (void)a; (void)b; (void)c; (void)s; (void)p;                                           \
        memset(&out, 0, sizeof out);                                                           \
        for (int i = 0; i < N; i++) out.T[i] = (sexpr);                                        \
        *r = out;                                                                              \
    }
#include "ops.def"
#undef OP

opfn *const ref_ops[] = {
#define OP(name, T, N, vexpr, sexpr) ref_##name,
#include "ops.def"
#undef OP
};
