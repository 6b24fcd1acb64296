/*
 * wordfreq: counts the words of text files and prints the most frequent ones.
 *
 *   wordfreq [-n TOP] FILE...
 *
 * A word is a run of ASCII letters, digits or apostrophes, compared without
 * case. The environment variable WORDFREQ_MIN_LENGTH (default 1) drops
 * shorter words. Output: one "COUNT WORD" line per word, most frequent first
 * and alphabetical among equals, then a summary line per file and in total.
 *
 * Exit status: 0 on success, 1 when a file could not be read, 2 on a usage
 * error. Built for WASI (see build.sh); it runs natively just as well.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORD 64

struct entry {
  char *word;
  long count;
  struct entry *next;
};

static struct entry **buckets;
static size_t bucket_count = 1024;
static size_t distinct;

static unsigned long hash(const char *s) {
  unsigned long h = 5381;
  while (*s)
    h = h * 33 + (unsigned char)*s++;
  return h;
}

static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) {
    fputs("wordfreq: out of memory\n", stderr);
    exit(3);
  }
  return p;
}

static void grow(void) {
  size_t new_count = bucket_count * 2;
  struct entry **fresh = xmalloc(new_count * sizeof *fresh);
  memset(fresh, 0, new_count * sizeof *fresh);
  for (size_t i = 0; i < bucket_count; i++) {
    struct entry *e = buckets[i];
    while (e) {
      struct entry *next = e->next;
      size_t b = hash(e->word) % new_count;
      e->next = fresh[b];
      fresh[b] = e;
      e = next;
    }
  }
  free(buckets);
  buckets = fresh;
  bucket_count = new_count;
}

static void add_word(const char *word) {
  size_t b = hash(word) % bucket_count;
  for (struct entry *e = buckets[b]; e; e = e->next) {
    if (strcmp(e->word, word) == 0) {
      e->count++;
      return;
    }
  }
  struct entry *e = xmalloc(sizeof *e);
  size_t len = strlen(word);
  e->word = xmalloc(len + 1);
  memcpy(e->word, word, len + 1);
  e->count = 1;
  e->next = buckets[b];
  buckets[b] = e;
  if (++distinct > bucket_count * 3 / 4)
    grow();
}

static int is_word_char(int c) {
  return isalnum(c) || c == '\'';
}

/* Reads one file; returns the number of words counted or -1 on error. */
static long count_file(const char *path, size_t min_length) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "wordfreq: %s: %s\n", path, strerror(errno));
    return -1;
  }
  char word[MAX_WORD + 1];
  size_t len = 0;
  long words = 0;
  int c;
  do {
    c = getc(f);
    if (c != EOF && is_word_char(c)) {
      if (len < MAX_WORD)
        word[len++] = (char)tolower(c);
      continue;
    }
    /* Apostrophes only glue letters together: trim them at both ends. */
    size_t start = 0;
    while (start < len && word[start] == '\'')
      start++;
    while (len > start && word[len - 1] == '\'')
      len--;
    if (len - start >= min_length && len > start) {
      word[len] = '\0';
      add_word(word + start);
      words++;
    }
    len = 0;
  } while (c != EOF);
  int failed = ferror(f);
  fclose(f);
  if (failed) {
    fprintf(stderr, "wordfreq: %s: read error\n", path);
    return -1;
  }
  return words;
}

static int by_count_then_word(const void *a, const void *b) {
  const struct entry *x = *(const struct entry *const *)a;
  const struct entry *y = *(const struct entry *const *)b;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp(x->word, y->word);
}

static void usage(void) {
  fputs("usage: wordfreq [-n TOP] FILE...\n", stderr);
  exit(2);
}

int main(int argc, char **argv) {
  long top = 10;
  int first = 1;
  if (first < argc && strcmp(argv[first], "-n") == 0) {
    if (first + 1 >= argc)
      usage();
    char *end;
    top = strtol(argv[first + 1], &end, 10);
    if (*end != '\0' || top < 0)
      usage();
    first += 2;
  }
  if (first >= argc)
    usage();

  size_t min_length = 1;
  const char *min_env = getenv("WORDFREQ_MIN_LENGTH");
  if (min_env) {
    char *end;
    long v = strtol(min_env, &end, 10);
    if (*end != '\0' || v < 1 || v > MAX_WORD) {
      fprintf(stderr, "wordfreq: bad WORDFREQ_MIN_LENGTH '%s'\n", min_env);
      return 2;
    }
    min_length = (size_t)v;
  }

  buckets = xmalloc(bucket_count * sizeof *buckets);
  memset(buckets, 0, bucket_count * sizeof *buckets);

  int status = 0;
  long total = 0;
  for (int i = first; i < argc; i++) {
    long n = count_file(argv[i], min_length);
    if (n < 0) {
      status = 1;
      continue;
    }
    printf("%s: %ld words\n", argv[i], n);
    total += n;
  }

  struct entry **all = xmalloc((distinct ? distinct : 1) * sizeof *all);
  size_t k = 0;
  for (size_t i = 0; i < bucket_count; i++)
    for (struct entry *e = buckets[i]; e; e = e->next)
      all[k++] = e;
  qsort(all, distinct, sizeof *all, by_count_then_word);

  for (size_t i = 0; i < distinct && (long)i < top; i++)
    printf("%7ld %s\n", all[i]->count, all[i]->word);
  printf("total: %ld words, %zu distinct (min length %zu)\n", total, distinct, min_length);
  return status;
}
