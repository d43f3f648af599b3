/*
 * bpsim sample workload for cc1 (GCC's compiler proper): a small program with the usual shapes of
 * C code (hashing, sorting, parsing, a state machine), compiled with -O2. Written for this project;
 * it is compiled, never run.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
  char *key;
  long count;
  struct entry *next;
};

struct table {
  struct entry **buckets;
  size_t size;
  size_t used;
};

static uint64_t hash_text(const char *text) {
  uint64_t h = 1469598103934665603ULL;
  while (*text) {
    h ^= (unsigned char) *text++;
    h *= 1099511628211ULL;
  }
  return h;
}

static void table_grow(struct table *table) {
  size_t size = table->size ? table->size * 2 : 64;
  struct entry **buckets = calloc(size, sizeof *buckets);
  for (size_t i = 0; i < table->size; i++) {
    struct entry *e = table->buckets[i];
    while (e) {
      struct entry *next = e->next;
      size_t slot = hash_text(e->key) & (size - 1);
      e->next = buckets[slot];
      buckets[slot] = e;
      e = next;
    }
  }
  free(table->buckets);
  table->buckets = buckets;
  table->size = size;
}

static struct entry *table_add(struct table *table, const char *key) {
  if (2 * (table->used + 1) > table->size) {
    table_grow(table);
  }
  size_t slot = hash_text(key) & (table->size - 1);
  for (struct entry *e = table->buckets[slot]; e; e = e->next) {
    if (strcmp(e->key, key) == 0) {
      e->count++;
      return e;
    }
  }
  struct entry *e = malloc(sizeof *e);
  e->key = strdup(key);
  e->count = 1;
  e->next = table->buckets[slot];
  table->buckets[slot] = e;
  table->used++;
  return e;
}

static int by_count(const void *a, const void *b) {
  const struct entry *x = *(const struct entry *const *) a;
  const struct entry *y = *(const struct entry *const *) b;
  if (x->count != y->count) {
    return x->count < y->count ? 1 : -1;
  }
  return strcmp(x->key, y->key);
}

static void insertion_sort(long *values, size_t n) {
  for (size_t i = 1; i < n; i++) {
    long v = values[i];
    size_t j = i;
    while (j > 0 && values[j - 1] > v) {
      values[j] = values[j - 1];
      j--;
    }
    values[j] = v;
  }
}

static void quick_sort(long *values, size_t n) {
  while (n > 16) {
    long pivot = values[n / 2];
    size_t i = 0;
    size_t j = n - 1;
    for (;;) {
      while (values[i] < pivot) {
        i++;
      }
      while (values[j] > pivot) {
        j--;
      }
      if (i >= j) {
        break;
      }
      long t = values[i];
      values[i++] = values[j];
      values[j--] = t;
    }
    if (j + 1 < n - j - 1) {
      quick_sort(values, j + 1);
      values += j + 1;
      n -= j + 1;
    } else {
      quick_sort(values + j + 1, n - j - 1);
      n = j + 1;
    }
  }
  insertion_sort(values, n);
}

enum token { END, NUMBER, WORD, PUNCT };

struct lexer {
  const char *p;
  char text[64];
  long number;
};

static enum token next_token(struct lexer *lx) {
  while (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\n') {
    lx->p++;
  }
  if (*lx->p == '\0') {
    return END;
  }
  if (*lx->p >= '0' && *lx->p <= '9') {
    lx->number = 0;
    while (*lx->p >= '0' && *lx->p <= '9') {
      lx->number = lx->number * 10 + (*lx->p++ - '0');
    }
    return NUMBER;
  }
  if ((*lx->p >= 'a' && *lx->p <= 'z') || (*lx->p >= 'A' && *lx->p <= 'Z')) {
    size_t n = 0;
    while (((*lx->p >= 'a' && *lx->p <= 'z') || (*lx->p >= 'A' && *lx->p <= 'Z'))
           && n + 1 < sizeof lx->text) {
      lx->text[n++] = *lx->p++;
    }
    lx->text[n] = '\0';
    return WORD;
  }
  lx->text[0] = *lx->p++;
  lx->text[1] = '\0';
  return PUNCT;
}

static long evaluate(const char *program, struct table *words, long *numbers, size_t *count) {
  struct lexer lx = {program, {0}, 0};
  long accumulator = 0;
  int state = 0;
  enum token t;
  while ((t = next_token(&lx)) != END) {
    switch (state) {
      case 0:
        if (t == NUMBER) {
          accumulator = lx.number;
          state = 1;
        } else if (t == WORD) {
          table_add(words, lx.text);
        }
        break;
      case 1:
        if (t == PUNCT && lx.text[0] == '+') {
          state = 2;
        } else if (t == PUNCT && lx.text[0] == '*') {
          state = 3;
        } else {
          numbers[(*count)++ & 1023] = accumulator;
          state = 0;
        }
        break;
      case 2:
        accumulator += t == NUMBER ? lx.number : 0;
        state = 1;
        break;
      default:
        accumulator *= t == NUMBER ? lx.number : 1;
        state = 1;
        break;
    }
  }
  return accumulator;
}

int main(int argc, char **argv) {
  struct table words = {0};
  long numbers[1024];
  size_t count = 0;
  long total = 0;
  for (int i = 1; i < argc; i++) {
    total += evaluate(argv[i], &words, numbers, &count);
  }
  size_t n = count < 1024 ? count : 1024;
  quick_sort(numbers, n);
  struct entry **all = malloc(words.used * sizeof *all);
  size_t k = 0;
  for (size_t i = 0; i < words.size; i++) {
    for (struct entry *e = words.buckets[i]; e; e = e->next) {
      all[k++] = e;
    }
  }
  qsort(all, k, sizeof *all, by_count);
  for (size_t i = 0; i < k && i < 10; i++) {
    printf("%s %ld\n", all[i]->key, all[i]->count);
  }
  printf("total %ld, median %ld\n", total, n ? numbers[n / 2] : 0);
  return 0;
}
