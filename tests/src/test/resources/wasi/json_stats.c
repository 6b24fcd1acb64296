// Reads one JSON object from stdin, {"name": "...", "values": [numbers...]}, and writes
// {"greeting": "Hello, NAME!", "count": N, "sum": S, "max": M} to stdout. Bad input
// gets a message on stderr and exit code 2. A WASI command for the stdin/stdout tests.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

static char input[1 << 16];
static size_t pos, len;

static void skip(void) {
    while (pos < len && isspace((unsigned char) input[pos])) pos++;
}

static int expect(char c) {
    skip();
    if (pos < len && input[pos] == c) { pos++; return 1; }
    return 0;
}

static int string(char *out, size_t cap) {
    size_t n = 0;
    if (!expect('"')) return 0;
    while (pos < len && input[pos] != '"') {
        char c = input[pos++];
        if (c == '\\' && pos < len) c = input[pos++];
        if (n + 1 < cap) out[n++] = c;
    }
    out[n] = 0;
    return expect('"');
}

static void fail(const char *why) {
    fprintf(stderr, "json_stats: %s\n", why);
    exit(2);
}

int main(void) {
    len = fread(input, 1, sizeof input - 1, stdin);
    char name[256] = "";
    double sum = 0, max = 0;
    long count = 0;
    if (!expect('{')) fail("expected an object");
    while (!expect('}')) {
        char key[64];
        if (!string(key, sizeof key) || !expect(':')) fail("expected a key");
        if (strcmp(key, "name") == 0) {
            if (!string(name, sizeof name)) fail("name must be a string");
        } else if (strcmp(key, "values") == 0) {
            if (!expect('[')) fail("values must be an array");
            while (!expect(']')) {
                skip();
                char *end;
                double v = strtod(input + pos, &end);
                if (end == input + pos) fail("values must be numbers");
                pos = end - input;
                sum += v;
                if (count == 0 || v > max) max = v;
                count++;
                expect(',');
            }
        } else {
            fail("unknown key");
        }
        expect(',');
    }
    printf("{\"greeting\": \"Hello, %s!\", \"count\": %ld, \"sum\": %g, \"max\": %g}\n", name, count, sum, max);
    return 0;
}
