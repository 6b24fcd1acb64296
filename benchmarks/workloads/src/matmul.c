/*
 * matmul: C = A * B for 384x384 f64 matrices, in i-k-j order (row-wise inner loop).
 * Stresses f64 multiply-add, address arithmetic and streaming loads/stores over 3.4 MiB.
 */
#include "bench.h"

#define SIZE 384

static double a[SIZE][SIZE];
static double b[SIZE][SIZE];
static double c[SIZE][SIZE];

/* Values in [-0.5, 0.5) on a 1/1024 grid, so every product is exact and sums stay small. */
static double random_entry(u32 *seed) {
    return (double) (next_random(seed) & 1023) / 1024.0 - 0.5;
}

BENCH_RUN {
    u32 seed = 0x9e3779b9;
    for (int i = 0; i < SIZE; i++) {
        for (int j = 0; j < SIZE; j++) {
            a[i][j] = random_entry(&seed);
            b[i][j] = random_entry(&seed);
            c[i][j] = 0;
        }
    }
    for (int i = 0; i < SIZE; i++) {
        for (int k = 0; k < SIZE; k++) {
            double factor = a[i][k];
            for (int j = 0; j < SIZE; j++) {
                c[i][j] += factor * b[k][j];
            }
        }
    }
    /* A position-weighted sum, so transposed or shuffled results do not pass. */
    double checksum = 0;
    for (int i = 0; i < SIZE; i++) {
        for (int j = 0; j < SIZE; j++) {
            checksum += c[i][j] * (double) (1 + ((i * 7 + j * 13) & 15));
        }
    }
    return (i64) (checksum * 1048576.0);
}
