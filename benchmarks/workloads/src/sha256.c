/*
 * sha256: SHA-256 (FIPS 180-4) over a 4 MiB buffer, two chained passes.
 * Stresses 32-bit rotates, shifts and adds, and sequential loads from linear memory.
 */
#include "bench.h"

#define BUFFER_BYTES (4u << 20)
#define PASSES 2

static u8 buffer[BUFFER_BYTES];

/* First 32 bits of the fractional parts of the cube roots of the first 64 primes. */
static const u32 round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline u32 rotate_right(u32 value, int bits) {
    return (value >> bits) | (value << (32 - bits));
}

static inline u32 load_big_endian(const u8 *bytes) {
    return ((u32) bytes[0] << 24) | ((u32) bytes[1] << 16) | ((u32) bytes[2] << 8) | bytes[3];
}

static void compress_block(u32 state[8], const u8 *block) {
    u32 schedule[64];
    for (int i = 0; i < 16; i++) {
        schedule[i] = load_big_endian(block + 4 * i);
    }
    for (int i = 16; i < 64; i++) {
        u32 s0 = rotate_right(schedule[i - 15], 7) ^ rotate_right(schedule[i - 15], 18) ^ (schedule[i - 15] >> 3);
        u32 s1 = rotate_right(schedule[i - 2], 17) ^ rotate_right(schedule[i - 2], 19) ^ (schedule[i - 2] >> 10);
        schedule[i] = schedule[i - 16] + s0 + schedule[i - 7] + s1;
    }
    u32 a = state[0], b = state[1], c = state[2], d = state[3];
    u32 e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; i++) {
        u32 sum1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
        u32 choice = (e & f) ^ (~e & g);
        u32 temp1 = h + sum1 + choice + round_constants[i] + schedule[i];
        u32 sum0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
        u32 majority = (a & b) ^ (a & c) ^ (b & c);
        u32 temp2 = sum0 + majority;
        h = g;
        g = f;
        f = e;
        e = d + temp1;
        d = c;
        c = b;
        b = a;
        a = temp1 + temp2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
}

/* Hashes data[0..length) into digest (32 bytes, big-endian words). */
static void sha256(const u8 *data, u32 length, u8 digest[32]) {
    u32 state[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    u32 offset = 0;
    for (; offset + 64 <= length; offset += 64) {
        compress_block(state, data + offset);
    }
    /* The tail: remaining bytes, 0x80, zeros, then the bit length in 8 big-endian bytes. */
    u8 tail[128];
    u32 remaining = length - offset;
    for (u32 i = 0; i < 128; i++) {
        tail[i] = i < remaining ? data[offset + i] : 0;
    }
    tail[remaining] = 0x80;
    u32 tail_length = remaining + 9 <= 64 ? 64 : 128;
    u64 bit_length = (u64) length * 8;
    for (int i = 0; i < 8; i++) {
        tail[tail_length - 1 - i] = (u8) (bit_length >> (8 * i));
    }
    for (u32 i = 0; i < tail_length; i += 64) {
        compress_block(state, tail + i);
    }
    for (int i = 0; i < 8; i++) {
        digest[4 * i] = (u8) (state[i] >> 24);
        digest[4 * i + 1] = (u8) (state[i] >> 16);
        digest[4 * i + 2] = (u8) (state[i] >> 8);
        digest[4 * i + 3] = (u8) state[i];
    }
}

static void fill_buffer(void) {
    u32 seed = 0x12345678;
    for (u32 i = 0; i < BUFFER_BYTES; i += 4) {
        u32 word = next_random(&seed);
        buffer[i] = (u8) word;
        buffer[i + 1] = (u8) (word >> 8);
        buffer[i + 2] = (u8) (word >> 16);
        buffer[i + 3] = (u8) (word >> 24);
    }
}

BENCH_RUN {
    fill_buffer();
    u8 digest[32];
    for (int pass = 0; pass < PASSES; pass++) {
        sha256(buffer, BUFFER_BYTES, digest);
        /* Chain the passes, so no engine can hoist a pass out of the loop. */
        for (int i = 0; i < 32; i++) {
            buffer[i] = digest[i];
        }
    }
    u64 checksum = 0;
    for (int i = 0; i < 8; i++) {
        checksum = (checksum << 8) | digest[i];
    }
    return (i64) checksum;
}
