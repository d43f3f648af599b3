/* Recursion 20 calls deep below its first call: 21 calls of depth(), 21 returns. */
#include "freestanding.h"

static long depth(long n) {
  if (n == 0) {
    return 0;
  }
  return 1 + depth(n - 1);
}

static void run(void) {
  sink = depth(20);
}
