/*
 * bpsim's QEMU TCG plugin: streams what a user-mode guest executes to bpsim record.
 *
 * bpsim extracts this file from its jar and builds it with the C compiler at record time:
 *   cc -shared -fPIC -O2 -o bpsim-qemu-plugin.so bpsim-qemu-plugin.c
 * and runs: qemu-x86_64 -plugin ./bpsim-qemu-plugin.so,out=FIFO,skip=N,max=N PROGRAM ARGS...
 *
 * Debian does not ship QEMU's plugin header, so the few entry points used are declared below from
 * the documented plugin API, version 1 (QEMU 7.x, as in Debian 12). The plugin decodes nothing: it
 * reports each instruction's bytes and QEMU's disassembly of them once, when QEMU translates it,
 * then only addresses as the guest runs; bpsim (org.bpsim.record) classifies the bytes, reads the
 * registers from the disassembly and writes the ChampSim trace.
 *
 * Stream (little-endian), after the 8-byte header "BPSIMQ2\n":
 *   'I' u64 pc, u8 length, length bytes, u8 n, n characters
 *                                         an instruction as translated (repeated if re-translated)
 *                                         and its disassembly (AT&T syntax, cut at 255 characters)
 *   'X' u64 pc                            an instruction about to execute
 *   'R' u64 address / 'W' u64 address     a load / store by the instruction last announced by 'X'
 *   'E' u64 instructions                  the end; how many instructions ran in all (skipped too)
 * Only the first guest thread (vCPU 0) of the process started is recorded: one thread's
 * instruction order is what a branch trace means. Processes it forks are not recorded.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* --- the QEMU plugin API (version 1) entry points this plugin uses --- */
typedef uint64_t qemu_plugin_id_t;
typedef uint32_t qemu_plugin_meminfo_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
typedef struct {
  const char *target_name;
  struct {
    int min;
    int cur;
  } version;
  bool system_emulation;
  union {
    struct {
      int smp_vcpus;
      int max_vcpus;
    } system;
  };
} qemu_info_t;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_CB_R_REGS, QEMU_PLUGIN_CB_RW_REGS };
enum qemu_plugin_mem_rw { QEMU_PLUGIN_MEM_R = 1, QEMU_PLUGIN_MEM_W, QEMU_PLUGIN_MEM_RW };
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_vcpu_mem_cb_t)(unsigned int vcpu_index, qemu_plugin_meminfo_t info,
                                          uint64_t vaddr, void *userdata);
extern void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
                                                  qemu_plugin_vcpu_tb_trans_cb_t cb);
extern void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn,
                                                   qemu_plugin_vcpu_udata_cb_t cb,
                                                   enum qemu_plugin_cb_flags flags, void *userdata);
extern void qemu_plugin_register_vcpu_mem_cb(struct qemu_plugin_insn *insn,
                                             qemu_plugin_vcpu_mem_cb_t cb,
                                             enum qemu_plugin_cb_flags flags,
                                             enum qemu_plugin_mem_rw rw, void *userdata);
extern void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb,
                                           void *userdata);
extern size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
extern struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
extern const void *qemu_plugin_insn_data(const struct qemu_plugin_insn *insn);
extern size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn);
extern uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);
extern char *qemu_plugin_insn_disas(const struct qemu_plugin_insn *insn);
extern bool qemu_plugin_mem_is_store(qemu_plugin_meminfo_t info);

#define EXPORTED __attribute__((visibility("default")))
EXPORTED int qemu_plugin_version = 1;

/* --- output: one buffer, written with write(2) when full, so a callback costs a few stores --- */
static int out_fd = -1;
static unsigned char buffer[1 << 20];
static size_t used;

/*
 * Any guest thread may translate code that vCPU 0 runs later, so translations and vCPU 0's
 * records share the buffer under a spin lock: uncontended, as in a single-threaded guest, it costs
 * one atomic exchange.
 */
static bool buffer_locked;

static inline void lock_buffer(void) {
  while (__atomic_test_and_set(&buffer_locked, __ATOMIC_ACQUIRE)) {
    while (__atomic_load_n(&buffer_locked, __ATOMIC_RELAXED)) {
    }
  }
}

static inline void unlock_buffer(void) {
  __atomic_clear(&buffer_locked, __ATOMIC_RELEASE);
}

static void flush_buffer(void) {
  size_t done = 0;
  while (done < used) {
    ssize_t n = write(out_fd, buffer + done, used - done);
    if (n <= 0) {
      /* bpsim stopped reading (it has what it asked for, or it failed): nothing left to do. */
      _exit(0);
    }
    done += (size_t) n;
  }
  used = 0;
}

static inline void put_tagged(unsigned char tag, uint64_t value) {
  if (used + 9 > sizeof buffer) {
    flush_buffer();
  }
  buffer[used] = tag;
  memcpy(buffer + used + 1, &value, 8); /* x86-64 and aarch64 hosts are little-endian */
  used += 9;
}

/* --- recording window: skip the first `skip` instructions, then record `max` of them --- */
static uint64_t executed;
static uint64_t skip;
static uint64_t max_recorded = UINT64_MAX;
static bool recording;

/*
 * A guest fork() forks QEMU, plugin and buffer included. The child must not write: what is in the
 * buffer is the parent's to write, and the stream is the parent's alone.
 */
static bool in_forked_child;

static void after_fork_in_child(void) {
  in_forked_child = true;
  used = 0;
  if (out_fd >= 0) {
    close(out_fd);
    out_fd = -1;
  }
}

static void finish(void) {
  put_tagged('E', executed);
  flush_buffer();
  close(out_fd);
}

static void on_exec(unsigned int vcpu, void *pc) {
  if (vcpu != 0 || in_forked_child) {
    return;
  }
  uint64_t index = executed++;
  recording = index >= skip;
  if (!recording) {
    return;
  }
  lock_buffer();
  put_tagged('X', (uint64_t) (uintptr_t) pc);
  /* One instruction past the window tells bpsim whether the window's last branch was taken. */
  if (max_recorded != UINT64_MAX && index - skip >= max_recorded) {
    finish();
    _exit(0);
  }
  unlock_buffer();
}

static void on_memory(unsigned int vcpu, qemu_plugin_meminfo_t info, uint64_t address,
                      void *unused) {
  (void) unused;
  if (vcpu == 0 && recording && !in_forked_child) {
    lock_buffer();
    put_tagged(qemu_plugin_mem_is_store(info) ? 'W' : 'R', address);
    unlock_buffer();
  }
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb) {
  (void) id;
  if (in_forked_child) {
    return;
  }
  size_t count = qemu_plugin_tb_n_insns(tb);
  for (size_t i = 0; i < count; i++) {
    struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
    uint64_t pc = qemu_plugin_insn_vaddr(insn);
    size_t length = qemu_plugin_insn_size(insn);
    if (length > 255) {
      length = 255;
    }
    char *text = qemu_plugin_insn_disas(insn); /* malloc'd by QEMU, NULL if it cannot */
    size_t text_length = text == NULL ? 0 : strlen(text);
    if (text_length > 255) {
      text_length = 255;
    }
    lock_buffer();
    put_tagged('I', pc);
    if (used + 1 + length + 1 + text_length > sizeof buffer) {
      flush_buffer();
    }
    buffer[used++] = (unsigned char) length;
    memcpy(buffer + used, qemu_plugin_insn_data(insn), length);
    used += length;
    buffer[used++] = (unsigned char) text_length;
    if (text_length > 0) {
      memcpy(buffer + used, text, text_length);
      used += text_length;
    }
    unlock_buffer();
    free(text);
    qemu_plugin_register_vcpu_insn_exec_cb(insn, on_exec, QEMU_PLUGIN_CB_NO_REGS,
                                           (void *) (uintptr_t) pc);
    qemu_plugin_register_vcpu_mem_cb(insn, on_memory, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_MEM_RW,
                                     NULL);
  }
}

static void on_guest_exit(qemu_plugin_id_t id, void *unused) {
  (void) id;
  (void) unused;
  if (in_forked_child) {
    return;
  }
  lock_buffer();
  finish();
  unlock_buffer();
}

static bool parse_count(const char *text, uint64_t *value) {
  char *end;
  unsigned long long parsed = strtoull(text, &end, 10);
  if (*text == '\0' || *end != '\0') {
    return false;
  }
  *value = parsed;
  return true;
}

EXPORTED int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc,
                                 char **argv) {
  const char *path = NULL;
  (void) info;
  for (int i = 0; i < argc; i++) {
    const char *arg = argv[i];
    bool ok = true;
    if (strncmp(arg, "out=", 4) == 0) {
      path = arg + 4;
    } else if (strncmp(arg, "skip=", 5) == 0) {
      ok = parse_count(arg + 5, &skip);
    } else if (strncmp(arg, "max=", 4) == 0) {
      ok = parse_count(arg + 4, &max_recorded);
    } else {
      ok = false;
    }
    if (!ok) {
      fprintf(stderr, "bpsim-qemu-plugin: bad argument '%s'\n", arg);
      return -1;
    }
  }
  if (path == NULL) {
    fprintf(stderr, "bpsim-qemu-plugin: no out=PATH argument\n");
    return -1;
  }
  out_fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out_fd < 0) {
    perror("bpsim-qemu-plugin: cannot open the output");
    return -1;
  }
  /*
   * The guest shares QEMU's descriptor table: move the output far above the low numbers that
   * programs open, close and redirect (a shell's "3>file", say).
   */
  int high = fcntl(out_fd, F_DUPFD_CLOEXEC, 900);
  if (high >= 0) {
    close(out_fd);
    out_fd = high;
  }
  pthread_atfork(NULL, NULL, after_fork_in_child);
  memcpy(buffer, "BPSIMQ2\n", 8);
  used = 8;
  qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
  qemu_plugin_register_atexit_cb(id, on_guest_exit, NULL);
  return 0;
}
