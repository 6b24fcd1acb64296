/* Scenarios 1 and 2: the host writes text into a static buffer whose address it gets
 * from get_buffer_pointer; add_wasm_is_cool appends a suffix. Built twice: once with its
 * own exported memory, once importing env.memory (256 pages) from the host. */
#define EXPORT(name) __attribute__((export_name(name)))

static char buffer[1024];
static const char suffix[] = " WASM is cool!";

EXPORT("get_buffer_pointer") char *get_buffer_pointer(void) {
    return buffer;
}

/* Appends the suffix after the first len bytes; returns the new length, or -1 when the
 * result would not fit. */
EXPORT("add_wasm_is_cool") int add_wasm_is_cool(int len) {
    int n = (int) sizeof suffix - 1;
    if (len < 0 || len > (int) sizeof buffer - n) {
        return -1;
    }
    for (int i = 0; i < n; i++) {
        buffer[len + i] = suffix[i];
    }
    return len + n;
}
