/* A loop of 1000 iterations with an if taken on two iterations in three. */
#include "freestanding.h"

static void run(void) {
  for (long i = 0; i < 1000; i++) {
    if (i % 3 == 0) {
      sink += i;
    }
  }
}
