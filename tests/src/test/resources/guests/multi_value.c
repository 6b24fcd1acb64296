/* Scenario 3: load() returns the message's (pointer, length) as two results; the length
 * is measured each call, so the host sees its in-place edits. Memory is exported as "mem". */
#define EXPORT(name) __attribute__((export_name(name)))

typedef struct {
    char *pointer;
    int length;
} slice;

static char message[64] = "Hello, World!";

EXPORT("load") slice load(void) {
    int n = 0;
    while (n < (int) sizeof message && message[n] != 0) {
        n++;
    }
    slice s = {message, n};
    return s;
}
