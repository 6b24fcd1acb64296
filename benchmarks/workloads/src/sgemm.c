/*
 * sgemm: C = A * B for SIZE x SIZE f32 matrices, in i-k-j order, so the inner loop scales a
 * row of B by one element of A and adds it to a row of C.
 * Stresses f32 multiply and add over streaming rows; with -msimd128 the inner loop becomes
 * f32x4.splat / f32x4.mul / f32x4.add on v128 loads and stores.
 */
#include "bench.h"

#define SIZE 512

static float a[SIZE][SIZE];
static float b[SIZE][SIZE];
static float c[SIZE][SIZE];

/*
 * Values in [-0.5, 0.5) on a 1/64 grid: every product lies on a 1/4096 grid and every sum
 * stays below 2^24 steps of it, so f32 arithmetic is exact whatever the order of additions.
 */
static float random_entry(u32 *seed) {
    return (float) (i32) (next_random(seed) & 63) / 64.0f - 0.5f;
}

BENCH_RUN {
    u32 seed = 0x2545f491;
    for (int i = 0; i < SIZE; i++) {
        for (int j = 0; j < SIZE; j++) {
            a[i][j] = random_entry(&seed);
            b[i][j] = random_entry(&seed);
            c[i][j] = 0;
        }
    }
    for (int i = 0; i < SIZE; i++) {
        for (int k = 0; k < SIZE; k++) {
            float factor = a[i][k];
            for (int j = 0; j < SIZE; j++) {
                c[i][j] += factor * b[k][j];
            }
        }
    }
    /* A position-weighted sum in f64 (exact here), so transposed results do not pass. */
    double checksum = 0;
    for (int i = 0; i < SIZE; i++) {
        for (int j = 0; j < SIZE; j++) {
            checksum += (double) c[i][j] * (double) (1 + ((i * 5 + j * 11) & 15));
        }
    }
    return (i64) (checksum * 4096.0);
}
