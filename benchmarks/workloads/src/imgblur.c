/*
 * imgblur: a synthetic 8-bit grayscale image, blurred again and again with the separable
 * 3x3 binomial kernel (1 2 1 / 16 in each direction, edges repeated), each pass followed by
 * a contrast and brightness change that saturates at 0 and 255.
 * Stresses u8 loads and stores widened to 16- or 32-bit lanes, shifts, multiplies and
 * clamping; with -msimd128 the vectoriser turns every inner loop into i8x16/i16x8 work.
 */
#include "bench.h"

#define WIDTH 1024
#define HEIGHT 768
#define PASSES 40

static u8 image[HEIGHT][WIDTH];
/* Horizontal sums, at most 4 * 255, kept for the vertical pass. */
static unsigned short across[HEIGHT][WIDTH];

/* Gradients, a checkerboard of 32-pixel squares and hashed noise: no data files needed. */
static void draw(void) {
    for (u32 y = 0; y < HEIGHT; y++) {
        for (u32 x = 0; x < WIDTH; x++) {
            u32 noise = ((y * WIDTH + x) * 0x9e3779b1u) >> 26;
            u32 squares = ((x >> 5) ^ (y >> 5)) & 1 ? 60 : 0;
            image[y][x] = (u8) ((x >> 2) + (y >> 3) + squares + noise);
        }
    }
}

static void blur(void) {
    for (int y = 0; y < HEIGHT; y++) {
        const u8 *row = image[y];
        unsigned short *sums = across[y];
        sums[0] = (unsigned short) (3 * row[0] + row[1]);
        for (int x = 1; x < WIDTH - 1; x++) {
            sums[x] = (unsigned short) (row[x - 1] + 2 * row[x] + row[x + 1]);
        }
        sums[WIDTH - 1] = (unsigned short) (row[WIDTH - 2] + 3 * row[WIDTH - 1]);
    }
    for (int y = 0; y < HEIGHT; y++) {
        const unsigned short *above = across[y == 0 ? 0 : y - 1];
        const unsigned short *middle = across[y];
        const unsigned short *below = across[y == HEIGHT - 1 ? y : y + 1];
        u8 *row = image[y];
        for (int x = 0; x < WIDTH; x++) {
            row[x] = (u8) ((above[x] + 2 * middle[x] + below[x] + 8) >> 4);
        }
    }
}

/* value' = clamp((value - 128) * contrast / 64 + 128 + brightness, 0, 255) */
static void adjust(int contrast, int brightness) {
    for (int y = 0; y < HEIGHT; y++) {
        u8 *row = image[y];
        for (int x = 0; x < WIDTH; x++) {
            int value = (((row[x] - 128) * contrast) >> 6) + 128 + brightness;
            value = value < 0 ? 0 : value;
            value = value > 255 ? 255 : value;
            row[x] = (u8) value;
        }
    }
}

BENCH_RUN {
    draw();
    for (int pass = 0; pass < PASSES; pass++) {
        blur();
        adjust(72 + (pass & 3) * 4, (pass & 1) ? 9 : -11);
    }
    /* Weighted by column, chained by row, so shifted or transposed images do not pass. */
    u64 checksum = 0;
    for (int y = 0; y < HEIGHT; y++) {
        u32 row_sum = 0;
        for (u32 x = 0; x < WIDTH; x++) {
            row_sum += image[y][x] * (x + 1);
        }
        checksum = checksum * 31 + row_sum;
    }
    return (i64) checksum;
}
