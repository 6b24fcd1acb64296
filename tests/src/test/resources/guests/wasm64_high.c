// A freestanding wasm64 program that works on memory above 4 GiB: it grows its memory past
// 2^32 bytes, runs a sieve of Eratosthenes and an FNV-1a hash over bytes that live there,
// and copies between low and high addresses. MemoryKindsTest compares it with Node 24.
#include <stdint.h>

#define PAGE 65536ull
#define HIGH (1ull << 32)

static uint64_t pages(void) { return __builtin_wasm_memory_size(0); }

// Grows the memory so that [HIGH, HIGH + bytes) exists; 0 when it cannot.
static int reach(uint64_t bytes) {
    uint64_t needed = (HIGH + bytes + PAGE - 1) / PAGE;
    if (pages() < needed && __builtin_wasm_memory_grow(0, needed - pages()) == (uint64_t) -1) {
        return 0;
    }
    return 1;
}

// The number of primes below n, sieved in a byte array at 4 GiB + 16.
__attribute__((export_name("primes"))) uint64_t primes(uint64_t n) {
    if (!reach(n + 16)) {
        return (uint64_t) -1;
    }
    volatile uint8_t *sieve = (uint8_t *) (HIGH + 16);
    for (uint64_t i = 0; i < n; i++) {
        sieve[i] = 1;
    }
    uint64_t count = 0;
    for (uint64_t i = 2; i < n; i++) {
        if (sieve[i]) {
            count++;
            for (uint64_t j = i * i; j < n; j += i) {
                sieve[j] = 0;
            }
        }
    }
    return count;
}

// FNV-1a over n pseudo-random bytes written just below and above the 4 GiB line, after a
// copy of the low half over the line.
__attribute__((export_name("hash"))) uint64_t hash(uint64_t n, uint64_t seed) {
    if (!reach(n)) {
        return (uint64_t) -1;
    }
    uint8_t *low = (uint8_t *) (HIGH - n);
    uint8_t *high = (uint8_t *) HIGH;
    uint64_t x = seed;
    for (uint64_t i = 0; i < n; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        low[i] = (uint8_t) (x >> 56);
    }
    for (uint64_t i = 0; i < n; i++) {
        high[n - 1 - i] = low[i];
    }
    uint64_t h = 14695981039346656037ull;
    for (uint64_t i = 0; i < n; i++) {
        h = (h ^ high[i]) * 1099511628211ull;
        h = (h ^ low[i]) * 1099511628211ull;
    }
    return h;
}

__attribute__((export_name("memoryPages"))) uint64_t memory_pages(void) { return pages(); }
