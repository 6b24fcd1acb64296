/* Scenario 4: the guest asks the host how big its input is, allocates a buffer, lets the
 * host copy a JSON object {"name": "...", "num": N} into it, parses it and returns a
 * NUL-terminated greeting (or 0 when the input is not such an object; error() says why). */
#define EXPORT(name) __attribute__((export_name(name)))
#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

#include "heap.h"

IMPORT("host", "get_input_size") int get_input_size(void);
IMPORT("host", "get_input") void get_input(char *destination);

EXPORT("malloc") void *guest_malloc(unsigned size) {
    return heap_alloc(size);
}

EXPORT("free") void guest_free(void *pointer) {
    heap_free(pointer);
}

typedef struct {
    const char *at;
    const char *end;
    const char *error;
} parser;

static const char *error_message = "";

EXPORT("error") const char *error(void) {
    return error_message;
}

static void skip_space(parser *p) {
    while (p->at < p->end && (*p->at == ' ' || *p->at == '\n' || *p->at == '\r' || *p->at == '\t')) {
        p->at++;
    }
}

static int expect(parser *p, char c) {
    skip_space(p);
    if (p->at < p->end && *p->at == c) {
        p->at++;
        return 1;
    }
    if (!p->error) {
        p->error = c == '"' ? "expected a string" : c == ':' ? "expected ':'" : "unexpected character";
    }
    return 0;
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Parses a JSON string into out (at most capacity - 1 bytes, NUL-terminated), decoding
 * escapes; \uXXXX outside surrogates becomes UTF-8. Returns the decoded length or -1. */
static int parse_string(parser *p, char *out, int capacity) {
    if (!expect(p, '"')) {
        return -1;
    }
    int n = 0;
    while (p->at < p->end && *p->at != '"') {
        unsigned code = (unsigned char) *p->at++;
        if (code == '\\') {
            if (p->at >= p->end) break;
            char e = *p->at++;
            switch (e) {
                case '"': case '\\': case '/': code = (unsigned) e; break;
                case 'n': code = '\n'; break;
                case 't': code = '\t'; break;
                case 'r': code = '\r'; break;
                case 'b': code = '\b'; break;
                case 'f': code = '\f'; break;
                case 'u': {
                    code = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = p->at < p->end ? hex_digit(*p->at++) : -1;
                        if (d < 0) {
                            p->error = "bad \\u escape";
                            return -1;
                        }
                        code = code * 16 + (unsigned) d;
                    }
                    if (code >= 0xD800 && code <= 0xDFFF) {
                        p->error = "surrogate \\u escapes are not supported";
                        return -1;
                    }
                    break;
                }
                default:
                    p->error = "bad escape";
                    return -1;
            }
            /* Encode the escaped code point as UTF-8. */
            char bytes[3];
            int count;
            if (code < 0x80) {
                bytes[0] = (char) code;
                count = 1;
            } else if (code < 0x800) {
                bytes[0] = (char) (0xC0 | (code >> 6));
                bytes[1] = (char) (0x80 | (code & 0x3F));
                count = 2;
            } else {
                bytes[0] = (char) (0xE0 | (code >> 12));
                bytes[1] = (char) (0x80 | ((code >> 6) & 0x3F));
                bytes[2] = (char) (0x80 | (code & 0x3F));
                count = 3;
            }
            for (int i = 0; i < count; i++) {
                if (n + 1 >= capacity) {
                    p->error = "string too long";
                    return -1;
                }
                out[n++] = bytes[i];
            }
        } else {
            if (n + 1 >= capacity) {
                p->error = "string too long";
                return -1;
            }
            out[n++] = (char) code; /* raw UTF-8 bytes pass through */
        }
    }
    if (p->at >= p->end) {
        p->error = "unterminated string";
        return -1;
    }
    p->at++;
    out[n] = 0;
    return n;
}

static int parse_int(parser *p, long long *value) {
    skip_space(p);
    int negative = p->at < p->end && *p->at == '-';
    if (negative) p->at++;
    if (p->at >= p->end || *p->at < '0' || *p->at > '9') {
        p->error = "expected an integer";
        return 0;
    }
    long long v = 0;
    while (p->at < p->end && *p->at >= '0' && *p->at <= '9') {
        if (v > 100000000000000000LL) {
            p->error = "integer too large";
            return 0;
        }
        v = v * 10 + (*p->at++ - '0');
    }
    if (p->at < p->end && (*p->at == '.' || *p->at == 'e' || *p->at == 'E')) {
        p->error = "num must be an integer";
        return 0;
    }
    *value = negative ? -v : v;
    return 1;
}

static int same(const char *a, const char *b) {
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

static char *append(char *out, const char *text) {
    while (*text) {
        *out++ = *text++;
    }
    return out;
}

static char *append_int(char *out, long long v) {
    char digits[24];
    int n = 0;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long) v : (unsigned long long) v;
    do {
        digits[n++] = (char) ('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) *out++ = '-';
    while (n) *out++ = digits[--n];
    return out;
}

static char name[256];
static char result[512];

/* Returns "Hello, NAME! NUM * 2 = 2NUM" for the host's input, or 0 (see error()). */
EXPORT("run") const char *run(void) {
    int size = get_input_size();
    if (size < 0) {
        error_message = "negative input size";
        return 0;
    }
    char *input = heap_alloc((unsigned) size);
    if (!input) {
        error_message = "out of memory";
        return 0;
    }
    get_input(input);
    parser p = {input, input + size, 0};
    int have_name = 0, have_num = 0;
    long long num = 0;
    char key[16];
    if (expect(&p, '{')) {
        skip_space(&p);
        if (p.at < p.end && *p.at == '}') {
            p.at++;
        } else {
            do {
                if (parse_string(&p, key, sizeof key) < 0 || !expect(&p, ':')) {
                    break;
                }
                if (same(key, "name")) {
                    have_name = parse_string(&p, name, sizeof name) >= 0;
                } else if (same(key, "num")) {
                    have_num = parse_int(&p, &num);
                } else {
                    p.error = "unknown key";
                }
                if (p.error) {
                    break;
                }
                skip_space(&p);
            } while (p.at < p.end && *p.at == ',' && p.at++);
            expect(&p, '}');
        }
    }
    heap_free(input);
    if (!p.error && (!have_name || !have_num)) {
        p.error = "name and num are required";
    }
    if (p.error) {
        error_message = p.error;
        return 0;
    }
    char *out = append(result, "Hello, ");
    out = append(out, name);
    out = append(out, "! ");
    out = append_int(out, num);
    out = append(out, " * 2 = ");
    out = append_int(out, num * 2);
    *out = 0;
    return result;
}
