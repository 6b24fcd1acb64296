/*
 * quicksort: sorts 500,000 pseudo-random i32 values with a recursive median-of-three
 * quicksort (insertion sort below 16 elements), then checks the order.
 * Stresses recursive calls, i32 compares with unpredictable branches, and random-access
 * loads/stores over 2 MiB.
 */
#include "bench.h"

#define ELEMENT_COUNT 500000
#define INSERTION_SORT_LIMIT 16

static i32 values[ELEMENT_COUNT];

static void insertion_sort(i32 *data, int low, int high) {
    for (int i = low + 1; i <= high; i++) {
        i32 value = data[i];
        int j = i - 1;
        while (j >= low && data[j] > value) {
            data[j + 1] = data[j];
            j--;
        }
        data[j + 1] = value;
    }
}

static inline void swap(i32 *data, int i, int j) {
    i32 temporary = data[i];
    data[i] = data[j];
    data[j] = temporary;
}

static void quicksort(i32 *data, int low, int high) {
    /* Recurse into the smaller side and loop on the larger, so the depth stays O(log n). */
    while (high - low >= INSERTION_SORT_LIMIT) {
        int middle = low + (high - low) / 2;
        if (data[middle] < data[low]) {
            swap(data, middle, low);
        }
        if (data[high] < data[low]) {
            swap(data, high, low);
        }
        if (data[high] < data[middle]) {
            swap(data, high, middle);
        }
        i32 pivot = data[middle];
        int i = low;
        int j = high;
        while (i <= j) {
            while (data[i] < pivot) {
                i++;
            }
            while (data[j] > pivot) {
                j--;
            }
            if (i <= j) {
                swap(data, i, j);
                i++;
                j--;
            }
        }
        if (j - low < high - i) {
            quicksort(data, low, j);
            low = i;
        } else {
            quicksort(data, i, high);
            high = j;
        }
    }
    insertion_sort(data, low, high);
}

BENCH_RUN {
    u32 seed = 0xdeadbeef;
    for (int i = 0; i < ELEMENT_COUNT; i++) {
        values[i] = (i32) next_random(&seed);
    }
    quicksort(values, 0, ELEMENT_COUNT - 1);
    /* A position-weighted hash of the sorted array; -1 if it is not sorted. */
    u64 hash = 0;
    for (int i = 0; i < ELEMENT_COUNT; i++) {
        if (i > 0 && values[i - 1] > values[i]) {
            return -1;
        }
        hash = hash * 31 + (u32) values[i];
    }
    return (i64) hash;
}
