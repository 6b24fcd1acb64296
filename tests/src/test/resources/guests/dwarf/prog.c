/* Guest for the DWARF reader tests (DwarfTest): a few functions with parameters, locals
 * of several types, a nested block that shadows a name, a global. The tests name lines
 * of this file, so keep line numbers stable when editing (append new code at the end). */
#include <stdio.h>

struct point {
    int x;
    int y;
};

enum color { RED, GREEN = 5, BLUE };

int counter = 7;
const char *greeting = "hello";

int scale(int value, int factor) {
    int result = value * factor;
    return result;
}

int sum(const int *values, int count) {
    int total = 0;
    for (int i = 0; i < count; i++) {
        total += values[i];
    }
    return total;
}

int area(struct point p, struct point q) {
    int w = q.x - p.x;
    int h = q.y - p.y;
    if (w < 0) {
        int w = p.x - q.x;
        return w * h;
    }
    return w * h;
}

int main(void) {
    struct point origin = {1, 2};
    struct point corner = {4, 6};
    int numbers[4] = {3, 1, 4, 1};
    char name[8] = "wasm";
    char *cursor = name;
    unsigned long long big = 12345678901ULL;
    enum color c = BLUE;
    double ratio = 0.5;
    unsigned char flag = 'y';
    int s = sum(numbers, 4);
    counter += scale(s, 2);
    printf("%s %s %d %d %llu %d %f %c %s\n", greeting, cursor, s, area(origin, corner), big, c, ratio,
           flag, name);
    return 0;
}
