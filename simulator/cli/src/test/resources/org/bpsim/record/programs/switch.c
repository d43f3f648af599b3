/* A dense switch (a jump table) reached 80 times, 64 of them through the table. */
#include "freestanding.h"

static long classify(long x) {
  switch (x) {
    case 0: return 10;
    case 1: return 11;
    case 2: return 12;
    case 3: return 13;
    case 4: return 14;
    case 5: return 15;
    case 6: return 16;
    case 7: return 17;
    default: return -1;
  }
}

static void run(void) {
  for (long i = 0; i < 80; i++) {
    sink += classify(i % 10);
  }
}
