/* 1000 iterations of 100 additions, each reading the result of the one before. */
#include "freestanding.h"

static void run(void) {
  long x = 1;
  for (long i = 0; i < 1000; i++) {
    __asm__ volatile(".rept 100\n\taddq %0, %0\n\t.endr" : "+r"(x));
  }
  sink = x;
}
