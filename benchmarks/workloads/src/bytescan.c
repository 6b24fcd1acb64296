/*
 * bytescan: a 1 MiB synthetic ASCII text (words, digits, spaces and newlines), scanned the
 * way text tools scan: lines, words, digits, one counting pass per letter (a histogram by
 * comparison), and an Adler-32 checksum computed a block at a time.
 * Stresses byte loads, byte compares and range checks, and integer sums; with -msimd128 the
 * scans become i8x16 compares and masks accumulated in wider lanes.
 */
#include "bench.h"

#define TEXT_BYTES (1u << 20)
#define ROUNDS 4
/* Adler-32's modulus, and a block short enough that the block sums cannot overflow u32. */
#define ADLER_MODULUS 65521u
#define ADLER_BLOCK 4096u

static u8 text[TEXT_BYTES];

/* Each byte from a hash of its position (no serial dependency, so this loop vectorises too). */
static void write_text(u32 salt) {
    for (u32 i = 0; i < TEXT_BYTES; i++) {
        u32 h = (i + salt) * 0x9e3779b1u;
        h ^= h >> 15;
        h *= 0x85ebca6bu;
        h ^= h >> 13;
        u32 top = h >> 24;
        u32 c = 'a' + ((h >> 4) & 15) + ((h >> 9) & 7);  /* 'a'..'v', skewed toward the middle */
        c = top < 112 ? '0' + ((h >> 16) & 7) : c;
        c = top < 96 ? ' ' : c;
        c = top < 12 ? '\n' : c;
        text[i] = (u8) c;
    }
}

static u32 count_byte(u8 wanted) {
    u32 count = 0;
    for (u32 i = 0; i < TEXT_BYTES; i++) {
        count += text[i] == wanted;
    }
    return count;
}

static u32 count_digits(void) {
    u32 count = 0;
    for (u32 i = 0; i < TEXT_BYTES; i++) {
        count += (u8) (text[i] - '0') < 10;
    }
    return count;
}

/* A word starts at every byte that is neither space nor newline and follows one that is. */
static u32 count_words(void) {
    u32 count = text[0] != ' ' && text[0] != '\n';
    for (u32 i = 1; i < TEXT_BYTES; i++) {
        u32 blank_before = text[i - 1] == ' ' || text[i - 1] == '\n';
        u32 blank = text[i] == ' ' || text[i] == '\n';
        count += blank_before & !blank;
    }
    return count;
}

/*
 * Adler-32 (RFC 1950) one block at a time: for a block of n bytes after a running (s1, s2),
 * s1 grows by the byte sum and s2 by n * s1 plus the sum of (n - j) * byte[j]. Both block
 * sums are plain reductions the vectoriser can split across lanes.
 */
static u32 adler32(void) {
    u32 s1 = 1, s2 = 0;
    for (u32 start = 0; start < TEXT_BYTES; start += ADLER_BLOCK) {
        const u8 *block = text + start;
        u32 sum = 0, weighted = 0;
        for (u32 j = 0; j < ADLER_BLOCK; j++) {
            sum += block[j];
            weighted += (ADLER_BLOCK - j) * block[j];
        }
        s2 = (u32) ((s2 + (u64) ADLER_BLOCK * s1 + weighted) % ADLER_MODULUS);
        s1 = (s1 + sum) % ADLER_MODULUS;
    }
    return (s2 << 16) | s1;
}

BENCH_RUN {
    u64 checksum = 0;
    for (u32 round = 0; round < ROUNDS; round++) {
        write_text(round * 0x10000u);
        checksum = checksum * 1000003 + count_byte('\n');
        checksum = checksum * 1000003 + count_words();
        checksum = checksum * 1000003 + count_digits();
        for (u8 letter = 'a'; letter <= 'z'; letter++) {
            checksum = checksum * 1000003 + count_byte(letter);
        }
        checksum = checksum * 1000003 + adler32();
    }
    return (i64) checksum;
}
