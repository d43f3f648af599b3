/* Forks a child that loops 1000 times; the parent waits for it, then loops 50 times. */
#include "freestanding.h"

static long system_call(long number, long a, long b, long c, long d) {
  long result;
  register long r10 __asm__("r10") = d;
  __asm__ volatile("syscall"
                   : "=a"(result)
                   : "a"(number), "D"(a), "S"(b), "d"(c), "r"(r10)
                   : "rcx", "r11", "memory");
  return result;
}

static void run(void) {
  long child = system_call(57, 0, 0, 0, 0); /* fork */
  if (child == 0) {
    for (long i = 0; i < 1000; i++) {
      sink += i;
    }
    exit_program(0);
  }
  system_call(61, child, 0, 0, 0); /* wait4(child, NULL, 0, NULL) */
  for (long i = 0; i < 50; i++) {
    sink += i;
  }
}
