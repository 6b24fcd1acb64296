/* Scenario 5: the host passes a name in through alloc/dealloc; greet() sends UTF-8 lines
 * back through the host import env.send_line(ptr, len) and returns how many it sent. */
#define EXPORT(name) __attribute__((export_name(name)))
#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

#include "heap.h"

IMPORT("env", "send_line") void send_line(const char *text, int length);

EXPORT("alloc") void *alloc(unsigned size) {
    return heap_alloc(size);
}

/* Rust-style: the size is passed back; this allocator keeps it in the header anyway. */
EXPORT("dealloc") void dealloc(void *pointer, unsigned size) {
    (void) size;
    heap_free(pointer);
}

static int length(const char *s) {
    int n = 0;
    while (s[n]) n++;
    return n;
}

static char line[512];

static void send_parts(const char *before, const char *name, int name_length, const char *after) {
    int n = 0;
    for (int i = 0; before[i] && n < (int) sizeof line; i++) line[n++] = before[i];
    for (int i = 0; i < name_length && n < (int) sizeof line; i++) line[n++] = name[i];
    for (int i = 0; after[i] && n < (int) sizeof line; i++) line[n++] = after[i];
    send_line(line, n);
}

EXPORT("greet") int greet(const char *name, int name_length) {
    static const char fixed[] = "Ünïcödé ✓ 日本語 🎉";
    send_parts("Grüße, ", name, name_length, "!");
    send_line(fixed, length(fixed));
    /* Count code points: every byte that does not continue a UTF-8 sequence. */
    int code_points = 0;
    for (int i = 0; i < name_length; i++) {
        if (((unsigned char) name[i] & 0xC0) != 0x80) code_points++;
    }
    char digits[12];
    int d = 0;
    do {
        digits[d++] = (char) ('0' + code_points % 10);
        code_points /= 10;
    } while (code_points);
    char count[13];
    int c = 0;
    while (d) count[c++] = digits[--d];
    count[c] = 0;
    send_parts("", count, length(count), " characters");
    return 3;
}
