/* Guest for DwarfTest: types whose C spelling or layout needs care, freestanding. */
#include <stdbool.h>
#include <stddef.h>

typedef int (*binary_op)(int, int);

union bits {
    float f;
    unsigned int u;
};

struct flags {
    unsigned int ready : 1;
    unsigned int mode : 3;
    signed char level;
};

enum sign { NEGATIVE = -1, ZERO, POSITIVE };

static int add(int a, int b) {
    return a + b;
}

__attribute__((export_name("probe"))) int probe(int seed) {
    size_t size = sizeof(struct flags);
    int grid[2][3] = {{1, 2, 3}, {4, 5, 6}};
    char *const fixed = 0;
    const char *const *names = 0;
    volatile short counter = -2;
    binary_op op = add;
    union bits b = {.f = 1.0f};
    struct flags fl = {1, 5, -3};
    enum sign s = NEGATIVE;
    bool yes = true;
    return op(seed, (int) size) + grid[1][2] + counter + (int) b.u + fl.level + s + yes + (fixed == 0) + (names == 0);
}
