/*
 * Shared by bpsim's recorder test programs: they are built without the C library
 * (-nostdlib -static), so every instruction the recorder sees is theirs and every branch count
 * is known exactly. _start calls run() then exit_program(): 2 direct calls, 1 return.
 */
volatile long sink;

static void run(void);

static void exit_program(long status) {
  __asm__ volatile("syscall" : : "a"(60L), "D"(status) : "rcx", "r11", "memory");
  __builtin_unreachable();
}

void _start(void) {
  run();
  exit_program(0);
}
