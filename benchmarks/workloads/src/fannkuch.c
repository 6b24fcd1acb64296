/*
 * fannkuch: for every permutation of 0..N-1, count the prefix reversals ("pancake flips")
 * until 0 comes first. Stresses small i32 arrays, short data-dependent loops and branches.
 */
#include "bench.h"

#define N 9

BENCH_RUN {
    int permutation[N], flipped[N], counts[N];
    for (int i = 0; i < N; i++) {
        permutation[i] = i;
    }
    int max_flips = 0;
    int checksum = 0;
    int permutation_index = 0;
    int r = N;
    for (;;) {
        for (; r != 1; r--) {
            counts[r - 1] = r;
        }
        for (int i = 0; i < N; i++) {
            flipped[i] = permutation[i];
        }
        int flips = 0;
        for (int first = flipped[0]; first != 0; first = flipped[0]) {
            for (int low = 0, high = first; low < high; low++, high--) {
                int swap = flipped[low];
                flipped[low] = flipped[high];
                flipped[high] = swap;
            }
            flips++;
        }
        if (flips > max_flips) {
            max_flips = flips;
        }
        checksum += (permutation_index & 1) == 0 ? flips : -flips;

        /* Next permutation: rotate the first r+1 elements until a counter is left over. */
        for (;;) {
            if (r == N) {
                return (i64) checksum * 1000 + max_flips;
            }
            int first = permutation[0];
            for (int i = 0; i < r; i++) {
                permutation[i] = permutation[i + 1];
            }
            permutation[r] = first;
            counts[r]--;
            if (counts[r] > 0) {
                break;
            }
            r++;
        }
        permutation_index++;
    }
}
