/*
 * Native driver for one workload: calls run() repeatedly and prints one line per call,
 * "iteration INDEX NANOSECONDS CHECKSUM", so PeerBenchmark measures native code the way
 * it measures the Wasm engines. Usage: NAME [ITERATIONS [MAX_SECONDS]].
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int64_t run(void);

static int64_t now_nanoseconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t) now.tv_sec * 1000000000 + now.tv_nsec;
}

int main(int argc, char **argv) {
    long iterations = argc > 1 ? atol(argv[1]) : 20;
    double max_seconds = argc > 2 ? atof(argv[2]) : 60;
    int64_t started = now_nanoseconds();
    for (long i = 0; i < iterations; i++) {
        int64_t before = now_nanoseconds();
        int64_t checksum = run();
        int64_t after = now_nanoseconds();
        printf("iteration %ld %" PRId64 " %" PRId64 "\n", i, after - before, checksum);
        fflush(stdout);
        /* Stop early on a slow machine, but never before one full call was timed. */
        if ((after - started) / 1e9 > max_seconds) {
            break;
        }
    }
    return 0;
}
