/*
 * simdkit: text statistics, image filters and an instruction self-test,
 * each kernel written twice: with wasm_simd128.h intrinsics and as a plain
 * C loop (which clang vectorises by itself at -O3 -msimd128). Every result
 * is printed, with a line saying whether the two versions agree.
 *
 *   simdkit selftest [VECTORS]     every SIMD operation against scalar code
 *   simdkit text [--find WORD] [--upper OUT] [FILE]
 *                                  counts, classes, Adler-32, search (stdin
 *                                  without FILE); OUT gets the text upper-cased
 *   simdkit image IN.ppm OUT.pgm   grey, blur, edges, half size, statistics;
 *                                  OUT gets the edge image
 *
 * Exits 0 when every pair agreed, 1 when one did not, 2 on bad usage or input.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simdkit.h"

static int disagreements;

static void agree(const char *what, int same) {
    printf("  %-28s %s\n", what, same ? "simd = scalar" : "SIMD AND SCALAR DIFFER");
    if (!same) disagreements++;
}

static unsigned char *read_all(FILE *f, size_t *length) {
    size_t size = 0, capacity = 1 << 16;
    unsigned char *data = malloc(capacity + 64);
    size_t got;
    while (data && (got = fread(data + size, 1, capacity - size, f)) > 0) {
        size += got;
        if (size == capacity) {
            capacity *= 2;
            data = realloc(data, capacity + 64);
        }
    }
    if (!data) {
        fprintf(stderr, "simdkit: out of memory\n");
        exit(2);
    }
    memset(data + size, 0, 64);  /* vector loops may read past the end */
    *length = size;
    return data;
}

/* ------------------------------------------------------------------ text */

struct text_counts {
    size_t lines, words, upper, lower, digits, spaces, non_ascii, code_points;
};

static void count_scalar(const unsigned char *s, size_t n, struct text_counts *c) {
    memset(c, 0, sizeof *c);
    int in_word = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = s[i];
        int space = ch == ' ' || (ch >= 9 && ch <= 13);
        c->lines += ch == '\n';
        c->words += !space && !in_word;
        in_word = !space;
        c->upper += ch >= 'A' && ch <= 'Z';
        c->lower += ch >= 'a' && ch <= 'z';
        c->digits += ch >= '0' && ch <= '9';
        c->spaces += space;
        c->non_ascii += ch >= 0x80;
        c->code_points += (signed char)ch > -65;  /* not a UTF-8 continuation byte */
    }
}

/* Adds the -1/0 bytes of a mask to byte counters (at most 255 times). */
static inline v128_t tally(v128_t counters, v128_t mask) { return wasm_i8x16_sub(counters, mask); }

/* Sums 16 byte counters into a size_t. */
static size_t sum_u8(v128_t counters) {
    v128_t s16 = wasm_u16x8_extadd_pairwise_u8x16(counters);
    v128_t s32 = wasm_u32x4_extadd_pairwise_u16x8(s16);
    v128_t s64 = wasm_i64x2_add(wasm_u64x2_extend_low_u32x4(s32), wasm_u64x2_extend_high_u32x4(s32));
    return (size_t)(wasm_i64x2_extract_lane(s64, 0) + wasm_i64x2_extract_lane(s64, 1));
}

/* c - lo <= hi - lo, unsigned: the bytes in [lo, hi]. */
static inline v128_t in_range(v128_t c, unsigned char lo, unsigned char hi) {
    return wasm_u8x16_le(wasm_i8x16_sub(c, wasm_i8x16_splat((char)lo)), wasm_i8x16_splat((char)(hi - lo)));
}

static void count_simd(const unsigned char *s, size_t n, struct text_counts *c) {
    memset(c, 0, sizeof *c);
    v128_t lines = wasm_i8x16_splat(0), upper = lines, lower = lines, digits = lines, spaces = lines,
           non_ascii = lines, code_points = lines;
    int rounds = 0;
    unsigned carry = 0;  /* was the byte before this block part of a word? */
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        v128_t ch = wasm_v128_load(s + i);
        v128_t space = wasm_v128_or(wasm_i8x16_eq(ch, wasm_i8x16_splat(' ')), in_range(ch, 9, 13));
        lines = tally(lines, wasm_i8x16_eq(ch, wasm_i8x16_splat('\n')));
        upper = tally(upper, in_range(ch, 'A', 'Z'));
        lower = tally(lower, in_range(ch, 'a', 'z'));
        digits = tally(digits, in_range(ch, '0', '9'));
        spaces = tally(spaces, space);
        non_ascii = tally(non_ascii, wasm_i8x16_lt(ch, wasm_i8x16_splat(0)));
        code_points = tally(code_points, wasm_i8x16_gt(ch, wasm_i8x16_splat(-65)));
        /* A word starts at a non-space byte whose predecessor is a space. */
        unsigned word = ~(unsigned)wasm_i8x16_bitmask(space) & 0xffff;
        unsigned starts = word & ~((word << 1) | carry);
        c->words += (size_t)__builtin_popcount(starts);
        carry = (word >> 15) & 1;
        if (++rounds == 255) {
            c->lines += sum_u8(lines), c->upper += sum_u8(upper), c->lower += sum_u8(lower);
            c->digits += sum_u8(digits), c->spaces += sum_u8(spaces), c->non_ascii += sum_u8(non_ascii);
            c->code_points += sum_u8(code_points);
            lines = upper = lower = digits = spaces = non_ascii = code_points = wasm_i8x16_splat(0);
            rounds = 0;
        }
    }
    c->lines += sum_u8(lines), c->upper += sum_u8(upper), c->lower += sum_u8(lower);
    c->digits += sum_u8(digits), c->spaces += sum_u8(spaces), c->non_ascii += sum_u8(non_ascii);
    c->code_points += sum_u8(code_points);
    struct text_counts tail;
    count_scalar(s + i, n - i, &tail);
    /* The tail's first word continues one from the last block. */
    if (carry && i < n) {
        unsigned char ch = s[i];
        if (!(ch == ' ' || (ch >= 9 && ch <= 13))) tail.words--;
    }
    c->lines += tail.lines, c->words += tail.words, c->upper += tail.upper, c->lower += tail.lower;
    c->digits += tail.digits, c->spaces += tail.spaces, c->non_ascii += tail.non_ascii;
    c->code_points += tail.code_points;
}

static uint32_t adler32_scalar(const unsigned char *s, size_t n) {
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < n; i++) {
        a = (a + s[i]) % 65521;
        b = (b + a) % 65521;
    }
    return b << 16 | a;
}

/* Adler-32 in blocks of 32 bytes: a grows by the byte sum, b by 32 * a plus
 * the bytes weighted 32..1 (a dot product of u8 widened to i16). */
static uint32_t adler32_simd(const unsigned char *s, size_t n) {
    uint32_t a = 1, b = 0;
    const v128_t w_hi = wasm_i16x8_make(32, 31, 30, 29, 28, 27, 26, 25);
    const v128_t w_mh = wasm_i16x8_make(24, 23, 22, 21, 20, 19, 18, 17);
    const v128_t w_ml = wasm_i16x8_make(16, 15, 14, 13, 12, 11, 10, 9);
    const v128_t w_lo = wasm_i16x8_make(8, 7, 6, 5, 4, 3, 2, 1);
    size_t i = 0;
    while (n - i >= 32) {
        /* At most 173 blocks before the 32-bit sums could overflow. */
        size_t blocks = (n - i) / 32;
        if (blocks > 173) blocks = 173;
        v128_t va = wasm_i32x4_splat(0), vb = wasm_i32x4_splat(0), vsum_a = wasm_i32x4_splat(0);
        for (size_t k = 0; k < blocks; k++, i += 32) {
            v128_t x0 = wasm_v128_load(s + i), x1 = wasm_v128_load(s + i + 16);
            vsum_a = wasm_i32x4_add(vsum_a, va);  /* each block adds 32 * a (a before it) */
            v128_t bytes = wasm_i32x4_add(wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(x0)),
                                          wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(x1)));
            va = wasm_i32x4_add(va, bytes);
            v128_t d = wasm_i32x4_dot_i16x8(wasm_u16x8_extend_low_u8x16(x0), w_hi);
            d = wasm_i32x4_add(d, wasm_i32x4_dot_i16x8(wasm_u16x8_extend_high_u8x16(x0), w_mh));
            d = wasm_i32x4_add(d, wasm_i32x4_dot_i16x8(wasm_u16x8_extend_low_u8x16(x1), w_ml));
            d = wasm_i32x4_add(d, wasm_i32x4_dot_i16x8(wasm_u16x8_extend_high_u8x16(x1), w_lo));
            vb = wasm_i32x4_add(vb, d);
        }
        /* Fold the four lanes of each sum. */
        v128_t both = wasm_i32x4_add(wasm_i32x4_shuffle(va, vb, 0, 1, 4, 5), wasm_i32x4_shuffle(va, vb, 2, 3, 6, 7));
        both = wasm_i32x4_add(both, wasm_i32x4_shuffle(both, both, 1, 0, 3, 2));
        uint32_t sum_bytes = (uint32_t)wasm_i32x4_extract_lane(both, 0);
        uint32_t weighted = (uint32_t)wasm_i32x4_extract_lane(both, 2);
        v128_t sa = wasm_i32x4_add(vsum_a, wasm_i32x4_shuffle(vsum_a, vsum_a, 2, 3, 0, 1));
        sa = wasm_i32x4_add(sa, wasm_i32x4_shuffle(sa, sa, 1, 0, 3, 2));
        uint64_t prefix = (uint64_t)(uint32_t)wasm_i32x4_extract_lane(sa, 0);
        b = (uint32_t)((b + (uint64_t)a * 32 * blocks + prefix * 32 + weighted) % 65521);
        a = (uint32_t)((a + (uint64_t)sum_bytes) % 65521);
    }
    for (; i < n; i++) {
        a = (a + s[i]) % 65521;
        b = (b + a) % 65521;
    }
    return b << 16 | a;
}

static void upper_scalar(unsigned char *out, const unsigned char *s, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i];
}

static void upper_simd(unsigned char *out, const unsigned char *s, size_t n) {
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        v128_t ch = wasm_v128_load(s + i);
        v128_t lower = in_range(ch, 'a', 'z');
        /* Clear bit 5 where lower: andnot(ch, lower & 0x20). */
        wasm_v128_store(out + i, wasm_v128_andnot(ch, wasm_v128_and(lower, wasm_i8x16_splat(0x20))));
    }
    upper_scalar(out + i, s + i, n - i);
}

static size_t find_scalar(const unsigned char *s, size_t n, const char *word, size_t first[3]) {
    size_t m = strlen(word), count = 0;
    for (size_t i = 0; m && i + m <= n; i++) {
        if (memcmp(s + i, word, m) == 0) {
            if (count < 3) first[count] = i;
            count++;
        }
    }
    return count;
}

/* The first and last byte of the word compared at 16 places at once; only
 * places where both match are compared in full. */
static size_t find_simd(const unsigned char *s, size_t n, const char *word, size_t first[3]) {
    size_t m = strlen(word), count = 0, i = 0;
    if (m == 0 || m > n) return 0;
    v128_t head = wasm_i8x16_splat(word[0]), tail = wasm_i8x16_splat(word[m - 1]);
    for (; i + m - 1 + 16 <= n; i += 16) {
        v128_t hit = wasm_v128_and(wasm_i8x16_eq(wasm_v128_load(s + i), head),
                                   wasm_i8x16_eq(wasm_v128_load(s + i + m - 1), tail));
        if (!wasm_v128_any_true(hit)) continue;
        unsigned bits = (unsigned)wasm_i8x16_bitmask(hit);
        while (bits) {
            size_t at = i + (size_t)__builtin_ctz(bits);
            if (memcmp(s + at, word, m) == 0) {
                if (count < 3) first[count] = at;
                count++;
            }
            bits &= bits - 1;
        }
    }
    for (; i + m <= n; i++) {
        if (memcmp(s + i, word, m) == 0) {
            if (count < 3) first[count] = i;
            count++;
        }
    }
    return count;
}

static int text_command(int argc, char **argv) {
    const char *find = NULL, *upper_out = NULL, *in = NULL;
    for (int k = 0; k < argc; k++) {
        if (!strcmp(argv[k], "--find") && k + 1 < argc) find = argv[++k];
        else if (!strcmp(argv[k], "--upper") && k + 1 < argc) upper_out = argv[++k];
        else if (!in) in = argv[k];
        else {
            fprintf(stderr, "simdkit text: unexpected %s\n", argv[k]);
            return 2;
        }
    }
    FILE *f = in ? fopen(in, "rb") : stdin;
    if (!f) {
        perror(in);
        return 2;
    }
    size_t n;
    unsigned char *s = read_all(f, &n);
    if (in) fclose(f);

    struct text_counts cs, cv;
    count_scalar(s, n, &cs);
    count_simd(s, n, &cv);
    printf("text %s: %zu bytes\n", in ? in : "(stdin)", n);
    printf("  lines %zu, words %zu, code points %zu, non-ASCII bytes %zu\n", cv.lines, cv.words, cv.code_points,
           cv.non_ascii);
    printf("  upper %zu, lower %zu, digits %zu, white space %zu\n", cv.upper, cv.lower, cv.digits, cv.spaces);
    agree("counts", memcmp(&cs, &cv, sizeof cs) == 0);

    /* The most frequent bytes (a plain histogram). */
    size_t histogram[256] = {0};
    for (size_t i = 0; i < n; i++) histogram[s[i]]++;
    printf("  most frequent:");
    for (int rank = 0; rank < 6; rank++) {
        int best = -1;
        for (int b = 0; b < 256; b++)
            if (histogram[b] && (best < 0 || histogram[b] > histogram[best])) best = b;
        if (best < 0) break;
        if (best > 32 && best < 127) printf(" '%c' %zu", best, histogram[best]);
        else printf(" 0x%02x %zu", best, histogram[best]);
        histogram[best] = 0;
    }
    printf("\n");

    uint32_t as = adler32_scalar(s, n), av = adler32_simd(s, n);
    printf("  adler-32 %08x\n", av);
    agree("adler-32", as == av);

    unsigned char *up_s = malloc(n + 16), *up_v = malloc(n + 16);
    upper_scalar(up_s, s, n);
    upper_simd(up_v, s, n);
    printf("  upper-cased adler-32 %08x\n", adler32_simd(up_v, n));
    agree("upper-casing", memcmp(up_s, up_v, n) == 0);
    if (upper_out) {
        FILE *o = fopen(upper_out, "wb");
        if (!o || fwrite(up_v, 1, n, o) != n || fclose(o) != 0) {
            perror(upper_out);
            return 2;
        }
        printf("  wrote %s\n", upper_out);
    }

    if (find) {
        size_t fs[3] = {0}, fv[3] = {0};
        size_t ns = find_scalar(s, n, find, fs), nv = find_simd(s, n, find, fv);
        printf("  \"%s\" found %zu times", find, nv);
        for (size_t k = 0; k < nv && k < 3; k++) printf("%s%zu", k ? ", " : ", first at ", fv[k]);
        printf("\n");
        agree("search", ns == nv && memcmp(fs, fv, sizeof fs) == 0);
    }
    free(up_s);
    free(up_v);
    free(s);
    return 0;
}

/* ----------------------------------------------------------------- image */

struct image {
    int w, h;
    unsigned char *px;  /* w * h bytes, rows back to back, with 64 spare bytes */
};

static unsigned char *plane(int w, int h) {
    unsigned char *p = calloc((size_t)w * h + 64, 1);
    if (!p) {
        fprintf(stderr, "simdkit: out of memory\n");
        exit(2);
    }
    return p;
}

/* Reads a binary PPM (P6, maxval 255) into three planes. */
static int read_ppm(const char *path, int *w, int *h, unsigned char **r, unsigned char **g, unsigned char **b,
                    unsigned char **rgb) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 0;
    }
    int maxval;
    if (fscanf(f, "P6 %d %d %d", w, h, &maxval) != 3 || maxval != 255 || *w < 3 || *h < 3 || *w > 8192 ||
        *h > 8192 || fgetc(f) == EOF) {
        fprintf(stderr, "%s: not a binary PPM with maxval 255\n", path);
        fclose(f);
        return 0;
    }
    size_t n = (size_t)*w * *h;
    *rgb = calloc(n * 3 + 64, 1);
    if (fread(*rgb, 3, n, f) != n) {
        fprintf(stderr, "%s: short pixel data\n", path);
        fclose(f);
        return 0;
    }
    fclose(f);
    *r = plane(*w, *h), *g = plane(*w, *h), *b = plane(*w, *h);
    return 1;
}

static void split_scalar(const unsigned char *rgb, size_t n, unsigned char *r, unsigned char *g, unsigned char *b) {
    for (size_t i = 0; i < n; i++) {
        r[i] = rgb[3 * i];
        g[i] = rgb[3 * i + 1];
        b[i] = rgb[3 * i + 2];
    }
}

/* 16 pixels (48 bytes) into 16 reds, greens and blues: two shuffles each. */
static void split_simd(const unsigned char *rgb, size_t n, unsigned char *r, unsigned char *g, unsigned char *b) {
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        v128_t v0 = wasm_v128_load(rgb + 3 * i), v1 = wasm_v128_load(rgb + 3 * i + 16),
               v2 = wasm_v128_load(rgb + 3 * i + 32);
        v128_t tr = wasm_i8x16_shuffle(v0, v1, 0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 0, 0, 0, 0, 0);
        v128_t tg = wasm_i8x16_shuffle(v0, v1, 1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 0, 0, 0, 0, 0);
        v128_t tb = wasm_i8x16_shuffle(v0, v1, 2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 0, 0, 0, 0, 0, 0);
        wasm_v128_store(r + i, wasm_i8x16_shuffle(tr, v2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 20, 23, 26, 29));
        wasm_v128_store(g + i, wasm_i8x16_shuffle(tg, v2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 18, 21, 24, 27, 30));
        wasm_v128_store(b + i, wasm_i8x16_shuffle(tb, v2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 19, 22, 25, 28, 31));
    }
    split_scalar(rgb + 3 * i, n - i, r + i, g + i, b + i);
}

/* Grey in integers: (77 R + 150 G + 29 B + 128) >> 8. */
static void grey_scalar(const unsigned char *r, const unsigned char *g, const unsigned char *b, size_t n,
                        unsigned char *out) {
    for (size_t i = 0; i < n; i++) out[i] = (unsigned char)((77 * r[i] + 150 * g[i] + 29 * b[i] + 128) >> 8);
}

static v128_t grey8(v128_t r, v128_t g, v128_t b, int high) {
    v128_t kr = wasm_i8x16_splat(77), kg = wasm_i8x16_splat((char)150), kb = wasm_i8x16_splat(29);
    v128_t s = high ? wasm_u16x8_extmul_high_u8x16(r, kr) : wasm_u16x8_extmul_low_u8x16(r, kr);
    s = wasm_i16x8_add(s, high ? wasm_u16x8_extmul_high_u8x16(g, kg) : wasm_u16x8_extmul_low_u8x16(g, kg));
    s = wasm_i16x8_add(s, high ? wasm_u16x8_extmul_high_u8x16(b, kb) : wasm_u16x8_extmul_low_u8x16(b, kb));
    return wasm_u16x8_shr(wasm_i16x8_add(s, wasm_i16x8_splat(128)), 8);
}

static void grey_simd(const unsigned char *r, const unsigned char *g, const unsigned char *b, size_t n,
                      unsigned char *out) {
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        v128_t vr = wasm_v128_load(r + i), vg = wasm_v128_load(g + i), vb = wasm_v128_load(b + i);
        wasm_v128_store(out + i, wasm_u8x16_narrow_i16x8(grey8(vr, vg, vb, 0), grey8(vr, vg, vb, 1)));
    }
    grey_scalar(r + i, g + i, b + i, n - i, out + i);
}

/* Luminance in floats (Rec. 709 weights), rounded to nearest, ties to even. */
static void luma_scalar(const unsigned char *r, const unsigned char *g, const unsigned char *b, size_t n,
                        unsigned char *out) {
    for (size_t i = 0; i < n; i++) {
        float y = 0.2126f * r[i] + 0.7152f * g[i] + 0.0722f * b[i];
        out[i] = (unsigned char)nearbyintf(y);
    }
}

static v128_t luma4(v128_t r, v128_t g, v128_t b) {
    v128_t y = wasm_f32x4_mul(wasm_f32x4_convert_u32x4(r), wasm_f32x4_splat(0.2126f));
    y = wasm_f32x4_add(y, wasm_f32x4_mul(wasm_f32x4_convert_u32x4(g), wasm_f32x4_splat(0.7152f)));
    y = wasm_f32x4_add(y, wasm_f32x4_mul(wasm_f32x4_convert_u32x4(b), wasm_f32x4_splat(0.0722f)));
    return wasm_u32x4_trunc_sat_f32x4(wasm_f32x4_nearest(y));
}

static void luma_simd(const unsigned char *r, const unsigned char *g, const unsigned char *b, size_t n,
                      unsigned char *out) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        /* 8 pixels: load 8 bytes of each plane, widen to u16 then to u32. */
        v128_t r16 = wasm_u16x8_load8x8(r + i), g16 = wasm_u16x8_load8x8(g + i), b16 = wasm_u16x8_load8x8(b + i);
        v128_t lo = luma4(wasm_u32x4_extend_low_u16x8(r16), wasm_u32x4_extend_low_u16x8(g16),
                          wasm_u32x4_extend_low_u16x8(b16));
        v128_t hi = luma4(wasm_u32x4_extend_high_u16x8(r16), wasm_u32x4_extend_high_u16x8(g16),
                          wasm_u32x4_extend_high_u16x8(b16));
        v128_t y8 = wasm_u8x16_narrow_i16x8(wasm_u16x8_narrow_i32x4(lo, hi), wasm_i16x8_splat(0));
        wasm_v128_store64_lane(out + i, y8, 0);
    }
    luma_scalar(r + i, g + i, b + i, n - i, out + i);
}

/* 3x3 box blur of the inner pixels, sum * 3641 / 32768 rounded (~ sum / 9);
 * the border is copied. */
static void blur_scalar(const unsigned char *in, int w, int h, unsigned char *out) {
    memcpy(out, in, (size_t)w * h);
    for (int y = 1; y < h - 1; y++) {
        for (int x = 1; x < w - 1; x++) {
            int sum = 0;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) sum += in[(y + dy) * w + x + dx];
            out[y * w + x] = (unsigned char)((sum * 3641 + 16384) >> 15);
        }
    }
}

static v128_t row3(const unsigned char *p, int high) {
    v128_t l = wasm_v128_load(p - 1), c = wasm_v128_load(p), r = wasm_v128_load(p + 1);
    if (high)
        return wasm_i16x8_add(wasm_i16x8_add(wasm_u16x8_extend_high_u8x16(l), wasm_u16x8_extend_high_u8x16(c)),
                              wasm_u16x8_extend_high_u8x16(r));
    return wasm_i16x8_add(wasm_i16x8_add(wasm_u16x8_extend_low_u8x16(l), wasm_u16x8_extend_low_u8x16(c)),
                          wasm_u16x8_extend_low_u8x16(r));
}

static void blur_simd(const unsigned char *in, int w, int h, unsigned char *out) {
    memcpy(out, in, (size_t)w * h);
    const v128_t k = wasm_i16x8_splat(3641);
    for (int y = 1; y < h - 1; y++) {
        int x = 1;
        for (; x + 16 <= w - 1; x += 16) {
            const unsigned char *p = in + y * w + x;
            v128_t lo = wasm_i16x8_add(wasm_i16x8_add(row3(p - w, 0), row3(p, 0)), row3(p + w, 0));
            v128_t hi = wasm_i16x8_add(wasm_i16x8_add(row3(p - w, 1), row3(p, 1)), row3(p + w, 1));
            wasm_v128_store(out + y * w + x, wasm_u8x16_narrow_i16x8(wasm_i16x8_q15mulr_sat(lo, k),
                                                                     wasm_i16x8_q15mulr_sat(hi, k)));
        }
        for (; x < w - 1; x++) {
            int sum = 0;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) sum += in[(y + dy) * w + x + dx];
            out[y * w + x] = (unsigned char)((sum * 3641 + 16384) >> 15);
        }
    }
}

/* Sobel: (|gx| + |gy|) / 4, saturated to 255; the border is 0. */
static void edges_scalar(const unsigned char *in, int w, int h, unsigned char *out) {
    memset(out, 0, (size_t)w * h);
    for (int y = 1; y < h - 1; y++) {
        for (int x = 1; x < w - 1; x++) {
            const unsigned char *p = in + y * w + x;
            int gx = (p[-w + 1] + 2 * p[1] + p[w + 1]) - (p[-w - 1] + 2 * p[-1] + p[w - 1]);
            int gy = (p[w - 1] + 2 * p[w] + p[w + 1]) - (p[-w - 1] + 2 * p[-w] + p[-w + 1]);
            int m = (abs(gx) + abs(gy)) >> 2;
            out[y * w + x] = (unsigned char)(m > 255 ? 255 : m);
        }
    }
}

static v128_t widen(const unsigned char *p) { return wasm_u16x8_load8x8(p); }

static void edges_simd(const unsigned char *in, int w, int h, unsigned char *out) {
    memset(out, 0, (size_t)w * h);
    for (int y = 1; y < h - 1; y++) {
        int x = 1;
        for (; x + 8 <= w - 1; x += 8) {
            const unsigned char *p = in + y * w + x;
            v128_t tl = widen(p - w - 1), t = widen(p - w), tr = widen(p - w + 1);
            v128_t l = widen(p - 1), r = widen(p + 1);
            v128_t bl = widen(p + w - 1), bm = widen(p + w), br = widen(p + w + 1);
            v128_t gx = wasm_i16x8_sub(wasm_i16x8_add(wasm_i16x8_add(tr, br), wasm_i16x8_shl(r, 1)),
                                       wasm_i16x8_add(wasm_i16x8_add(tl, bl), wasm_i16x8_shl(l, 1)));
            v128_t gy = wasm_i16x8_sub(wasm_i16x8_add(wasm_i16x8_add(bl, br), wasm_i16x8_shl(bm, 1)),
                                       wasm_i16x8_add(wasm_i16x8_add(tl, tr), wasm_i16x8_shl(t, 1)));
            v128_t m = wasm_u16x8_shr(wasm_i16x8_add_sat(wasm_i16x8_abs(gx), wasm_i16x8_abs(gy)), 2);
            wasm_v128_store64_lane(out + y * w + x, wasm_u8x16_narrow_i16x8(m, m), 0);
        }
        for (; x < w - 1; x++) {
            const unsigned char *p = in + y * w + x;
            int gx = (p[-w + 1] + 2 * p[1] + p[w + 1]) - (p[-w - 1] + 2 * p[-1] + p[w - 1]);
            int gy = (p[w - 1] + 2 * p[w] + p[w + 1]) - (p[-w - 1] + 2 * p[-w] + p[-w + 1]);
            int mm = (abs(gx) + abs(gy)) >> 2;
            out[y * w + x] = (unsigned char)(mm > 255 ? 255 : mm);
        }
    }
}

/* Half size: each 2x2 block becomes avg(avg(top pair), avg(bottom pair)),
 * averages rounded up as u8x16.avgr_u does. */
static void half_scalar(const unsigned char *in, int w, int h, unsigned char *out) {
    int hw = w / 2, hh = h / 2;
    for (int y = 0; y < hh; y++) {
        for (int x = 0; x < hw; x++) {
            const unsigned char *p = in + 2 * y * w + 2 * x;
            int col0 = (p[0] + p[w] + 1) >> 1, col1 = (p[1] + p[w + 1] + 1) >> 1;
            out[y * hw + x] = (unsigned char)((col0 + col1 + 1) >> 1);
        }
    }
}

static void half_simd(const unsigned char *in, int w, int h, unsigned char *out) {
    int hw = w / 2, hh = h / 2;
    for (int y = 0; y < hh; y++) {
        int x = 0;
        for (; x + 8 <= hw; x += 8) {
            const unsigned char *p = in + 2 * y * w + 2 * x;
            v128_t v = wasm_u8x16_avgr(wasm_v128_load(p), wasm_v128_load(p + w));
            v128_t even = wasm_i8x16_shuffle(v, v, 0, 2, 4, 6, 8, 10, 12, 14, 0, 0, 0, 0, 0, 0, 0, 0);
            v128_t odd = wasm_i8x16_shuffle(v, v, 1, 3, 5, 7, 9, 11, 13, 15, 0, 0, 0, 0, 0, 0, 0, 0);
            wasm_v128_store64_lane(out + y * hw + x, wasm_u8x16_avgr(even, odd), 0);
        }
        for (; x < hw; x++) {
            const unsigned char *p = in + 2 * y * w + 2 * x;
            int col0 = (p[0] + p[w] + 1) >> 1, col1 = (p[1] + p[w + 1] + 1) >> 1;
            out[y * hw + x] = (unsigned char)((col0 + col1 + 1) >> 1);
        }
    }
}

/* Contrast around 128 by a Q15 factor, then brightness, both saturating. */
static void tone_scalar(const unsigned char *in, size_t n, int factor_q15, int brighten, unsigned char *out) {
    for (size_t i = 0; i < n; i++) {
        int d = in[i] - 128;
        int scaled = (d * 2 * factor_q15 + 0x4000) >> 15;  /* d*2 in Q15 times factor, see tone_simd */
        int v = scaled + 128;
        v = v < 0 ? 0 : v > 255 ? 255 : v;
        v += brighten;
        out[i] = (unsigned char)(v > 255 ? 255 : v);
    }
}

static void tone_simd(const unsigned char *in, size_t n, int factor_q15, int brighten, unsigned char *out) {
    const v128_t k = wasm_i16x8_splat((int16_t)factor_q15), mid = wasm_i16x8_splat(128);
    const v128_t add = wasm_i8x16_splat((char)brighten);
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        v128_t v = wasm_v128_load(in + i);
        v128_t lo = wasm_i16x8_sub(wasm_u16x8_extend_low_u8x16(v), mid);
        v128_t hi = wasm_i16x8_sub(wasm_u16x8_extend_high_u8x16(v), mid);
        /* q15mulr(2d, k) = (2d * k + 0x4000) >> 15: a factor of 2k / 32768. */
        lo = wasm_i16x8_add(wasm_i16x8_q15mulr_sat(wasm_i16x8_shl(lo, 1), k), mid);
        hi = wasm_i16x8_add(wasm_i16x8_q15mulr_sat(wasm_i16x8_shl(hi, 1), k), mid);
        wasm_v128_store(out + i, wasm_u8x16_add_sat(wasm_u8x16_narrow_i16x8(lo, hi), add));
    }
    tone_scalar(in + i, n - i, factor_q15, brighten, out + i);
}

struct stats {
    int min, max;
    double mean, stddev;
};

static void stats_scalar(const unsigned char *p, size_t n, struct stats *s) {
    int lo = 255, hi = 0;
    uint64_t sum = 0, squares = 0;
    for (size_t i = 0; i < n; i++) {
        lo = p[i] < lo ? p[i] : lo;
        hi = p[i] > hi ? p[i] : hi;
        sum += p[i];
        squares += (uint64_t)p[i] * p[i];
    }
    s->min = lo, s->max = hi;
    s->mean = (double)sum / (double)n;
    s->stddev = sqrt((double)squares / (double)n - s->mean * s->mean);
}

static void stats_simd(const unsigned char *p, size_t n, struct stats *s) {
    v128_t lo = wasm_i8x16_splat((char)255), hi = wasm_i8x16_splat(0);
    v128_t sum = wasm_i64x2_splat(0), squares = wasm_i64x2_splat(0);
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        v128_t v = wasm_v128_load(p + i);
        lo = wasm_u8x16_min(lo, v);
        hi = wasm_u8x16_max(hi, v);
        v128_t v16 = wasm_u16x8_extadd_pairwise_u8x16(v);
        sum = wasm_i64x2_add(sum, wasm_u64x2_extend_low_u32x4(wasm_u32x4_extadd_pairwise_u16x8(v16)));
        sum = wasm_i64x2_add(sum, wasm_u64x2_extend_high_u32x4(wasm_u32x4_extadd_pairwise_u16x8(v16)));
        v128_t w0 = wasm_u16x8_extend_low_u8x16(v), w1 = wasm_u16x8_extend_high_u8x16(v);
        /* Squares of bytes overflow i16: the i32 dot product of the widened
         * bytes with themselves adds them in pairs. */
        v128_t sq = wasm_i32x4_add(wasm_i32x4_dot_i16x8(w0, w0), wasm_i32x4_dot_i16x8(w1, w1));
        squares = wasm_i64x2_add(squares, wasm_u64x2_extend_low_u32x4(sq));
        squares = wasm_i64x2_add(squares, wasm_u64x2_extend_high_u32x4(sq));
    }
    /* Reduce min and max with shuffles. */
    lo = wasm_u8x16_min(lo, wasm_i8x16_shuffle(lo, lo, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
    lo = wasm_u8x16_min(lo, wasm_i8x16_shuffle(lo, lo, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3));
    lo = wasm_u8x16_min(lo, wasm_i8x16_shuffle(lo, lo, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1));
    lo = wasm_u8x16_min(lo, wasm_i8x16_shuffle(lo, lo, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0));
    hi = wasm_u8x16_max(hi, wasm_i8x16_shuffle(hi, hi, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
    hi = wasm_u8x16_max(hi, wasm_i8x16_shuffle(hi, hi, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3));
    hi = wasm_u8x16_max(hi, wasm_i8x16_shuffle(hi, hi, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1));
    hi = wasm_u8x16_max(hi, wasm_i8x16_shuffle(hi, hi, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0));
    int mn = wasm_u8x16_extract_lane(lo, 0), mx = wasm_u8x16_extract_lane(hi, 0);
    uint64_t total = (uint64_t)wasm_i64x2_extract_lane(sum, 0) + (uint64_t)wasm_i64x2_extract_lane(sum, 1);
    uint64_t total_sq = (uint64_t)wasm_i64x2_extract_lane(squares, 0) + (uint64_t)wasm_i64x2_extract_lane(squares, 1);
    for (; i < n; i++) {
        mn = p[i] < mn ? p[i] : mn;
        mx = p[i] > mx ? p[i] : mx;
        total += p[i];
        total_sq += (uint64_t)p[i] * p[i];
    }
    s->min = mn, s->max = mx;
    /* mean and variance as a pair of f64 lanes */
    v128_t sums = wasm_f64x2_make((double)total, (double)total_sq);
    v128_t m = wasm_f64x2_div(sums, wasm_f64x2_splat((double)n));
    double mean = wasm_f64x2_extract_lane(m, 0);
    v128_t var = wasm_f64x2_sub(m, wasm_f64x2_mul(wasm_f64x2_splat(mean), wasm_f64x2_splat(mean)));
    s->mean = mean;
    s->stddev = wasm_f64x2_extract_lane(wasm_f64x2_sqrt(wasm_i64x2_shuffle(var, var, 1, 1)), 0);
}

/* Otsu's threshold from a histogram (plain double arithmetic). */
static int otsu(const unsigned char *p, size_t n) {
    double hist[256] = {0};
    for (size_t i = 0; i < n; i++) hist[p[i]]++;
    double total = 0;
    for (int k = 0; k < 256; k++) total += k * hist[k];
    double below = 0, weight = 0, best = -1;
    int threshold = 0;
    for (int t = 0; t < 256; t++) {
        weight += hist[t];
        if (weight == 0) continue;
        double rest = (double)n - weight;
        if (rest == 0) break;
        below += t * hist[t];
        double m0 = below / weight, m1 = (total - below) / rest;
        double between = weight * rest * (m0 - m1) * (m0 - m1);
        if (between > best) best = between, threshold = t;
    }
    return threshold;
}

static size_t count_above_scalar(const unsigned char *p, size_t n, int t) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += p[i] > t;
    return c;
}

static size_t count_above_simd(const unsigned char *p, size_t n, int t) {
    v128_t vt = wasm_i8x16_splat((char)t);
    size_t c = 0, i = 0;
    for (; i + 16 <= n; i += 16)
        c += (size_t)__builtin_popcount((unsigned)wasm_i8x16_bitmask(wasm_u8x16_gt(wasm_v128_load(p + i), vt)));
    return c + count_above_scalar(p + i, n - i, t);
}

static void report_plane(const char *name, const unsigned char *p, size_t n) {
    struct stats a, b;
    stats_scalar(p, n, &a);
    stats_simd(p, n, &b);
    printf("  %-6s min %3d max %3d mean %8.4f stddev %8.4f adler-32 %08x\n", name, b.min, b.max, b.mean, b.stddev,
           adler32_simd(p, n));
    /* Compared to 1e-9: the two sums are exact integers, but the scalar
     * variance is computed in a different order. */
    agree("statistics", a.min == b.min && a.max == b.max && a.mean == b.mean && fabs(a.stddev - b.stddev) < 1e-9);
}

static int image_command(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: simdkit image IN.ppm OUT.pgm\n");
        return 2;
    }
    int w, h;
    unsigned char *r, *g, *b, *rgb;
    if (!read_ppm(argv[0], &w, &h, &r, &g, &b, &rgb)) return 2;
    size_t n = (size_t)w * h;
    printf("image %s: %d x %d\n", argv[0], w, h);

    unsigned char *r2 = plane(w, h), *g2 = plane(w, h), *b2 = plane(w, h);
    split_scalar(rgb, n, r2, g2, b2);
    split_simd(rgb, n, r, g, b);
    agree("split into planes", !memcmp(r, r2, n) && !memcmp(g, g2, n) && !memcmp(b, b2, n));
    report_plane("red", r, n);
    report_plane("green", g, n);
    report_plane("blue", b, n);

    unsigned char *grey = plane(w, h), *tmp = plane(w, h);
    grey_simd(r, g, b, n, grey);
    grey_scalar(r, g, b, n, tmp);
    agree("grey (integer)", !memcmp(grey, tmp, n));
    report_plane("grey", grey, n);

    unsigned char *luma = plane(w, h);
    luma_simd(r, g, b, n, luma);
    luma_scalar(r, g, b, n, tmp);
    agree("luma (float)", !memcmp(luma, tmp, n));
    report_plane("luma", luma, n);
    int most = 0;
    size_t differ = 0;
    for (size_t i = 0; i < n; i++) {
        int d = abs(grey[i] - luma[i]);
        differ += d != 0;
        most = d > most ? d : most;
    }
    printf("  grey and luma differ at %zu pixels, by at most %d\n", differ, most);

    unsigned char *blur = plane(w, h);
    blur_simd(grey, w, h, blur);
    blur_scalar(grey, w, h, tmp);
    agree("blur", !memcmp(blur, tmp, n));
    report_plane("blur", blur, n);

    unsigned char *edges = plane(w, h);
    edges_simd(blur, w, h, edges);
    edges_scalar(blur, w, h, tmp);
    agree("edges", !memcmp(edges, tmp, n));
    report_plane("edges", edges, n);
    int t = otsu(edges, n);
    size_t above = count_above_simd(edges, n, t);
    printf("  edges: Otsu threshold %d, %zu pixels above it\n", t, above);
    agree("count above", above == count_above_scalar(edges, n, t));

    size_t hn = (size_t)(w / 2) * (h / 2);
    unsigned char *half = plane(w / 2, h / 2), *half2 = plane(w / 2, h / 2);
    half_simd(grey, w, h, half);
    half_scalar(grey, w, h, half2);
    agree("half size", !memcmp(half, half2, hn));
    report_plane("half", half, hn);

    unsigned char *toned = plane(w, h);
    tone_simd(grey, n, 22938, 12, toned);  /* factor 1.4, plus 12 */
    tone_scalar(grey, n, 22938, 12, tmp);
    agree("tone", !memcmp(toned, tmp, n));
    report_plane("tone", toned, n);

    FILE *o = fopen(argv[1], "wb");
    if (!o || fprintf(o, "P5\n%d %d\n255\n", w, h) < 0 || fwrite(edges, 1, n, o) != n || fclose(o) != 0) {
        perror(argv[1]);
        return 2;
    }
    printf("  wrote %s\n", argv[1]);
    free(r), free(g), free(b), free(r2), free(g2), free(b2), free(rgb);
    free(grey), free(tmp), free(luma), free(blur), free(edges), free(half), free(half2), free(toned);
    return 0;
}

int main(int argc, char **argv) {
    int status = 2;
    if (argc >= 2 && !strcmp(argv[1], "selftest")) {
        int vectors = argc >= 3 ? atoi(argv[2]) : 160;
        if (vectors < 1) vectors = 1;
        status = selftest(vectors, 1) ? 1 : 0;
        fflush(stdout);
        return status;
    }
    if (argc >= 2 && !strcmp(argv[1], "text")) status = text_command(argc - 2, argv + 2);
    else if (argc >= 2 && !strcmp(argv[1], "image")) status = image_command(argc - 2, argv + 2);
    else {
        fprintf(stderr, "usage: simdkit selftest [VECTORS]\n"
                        "       simdkit text [--find WORD] [--upper OUT] [FILE]\n"
                        "       simdkit image IN.ppm OUT.pgm\n");
        return 2;
    }
    if (status == 0 && disagreements) {
        printf("%d disagreements between SIMD and scalar code\n", disagreements);
        status = 1;
    }
    return status;
}
