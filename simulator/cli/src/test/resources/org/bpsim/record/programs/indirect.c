/* 30 calls through a table of function pointers. */
#include "freestanding.h"

static long add_one(long x) {
  return x + 1;
}

static long twice(long x) {
  return 2 * x;
}

static long negate(long x) {
  return -x;
}

static long (*volatile operations[3])(long) = {add_one, twice, negate};

static void run(void) {
  long value = 1;
  for (long i = 0; i < 30; i++) {
    value = operations[i % 3](value);
  }
  sink = value;
}
