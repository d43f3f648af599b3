// bpsim's side of the pipe between bpsim (Java) and a native predictor's child process.
// Written for bpsim; no championship kit code. Both ends are little-endian.
//
// bpsim -> child, one byte naming each message, then its fields:
//   'B' u32 n, n x {u64 pc, u64 target, u64 seq, u8 flags}  a batch: reply 'R' u32 n, n bytes
//   'P' u64 pc, u64 seq                                      one prediction: reply 'R' u32 1, 1 byte
//   'U' u64 pc, u64 target, u64 seq, u8 flags                one update, no reply
//   'F' u64 seq, u64 pc                                      staged prediction at fetch: reply as 'P'
//   'S' u64 seq, u64 pc, u64 next_pc, u8 flags               staged history update, no reply
//   'X' u64 seq, u64 pc, u64 next_pc, u8 flags               staged training at execute, no reply
//   CBP-2025 hooks in the kit's timing model, each micro-op named by the kit's seq_no and piece:
//   'i' u64 seq, u8 piece, u64 pc, u64 cycle, u8 class, u8 n_src, 3 x u8 src (0xff none),
//       u8 dst (0xff none), u64 mem_va, u64 mem_sz, u8 flags (bit 0 taken, bit 1 memory),
//       u64 next_pc                                          notify_instr_fetch, no reply
//   'p' u64 seq, u8 piece, u64 pc, u64 cycle                 get_cond_dir_prediction: reply as 'P'
//   's' u64 seq, u8 piece, u64 pc, u8 class, u8 flags (bit 0 taken, bit 1 predicted),
//       u64 next_pc                                          spec_update, no reply
//   'd' / 'a' / 'x' / 'c' u64 seq, u8 piece, u8 predicted, u64 cycle
//       notify_instr_decode / notify_agen_complete / notify_instr_execute_resolve /
//       notify_instr_commit of a micro-op sent by 'i', no reply
//   'Q'                                                      the end: the child exits with 0
// flags: bits 0-3 the branch kind (bpsim's BranchKind code), bit 4 taken, bit 5 predicted.
// child -> bpsim: 'H' u32 1 once the predictor is built, then one 'R' per request that has one.
#ifndef BPSIM_NATIVE_IO_H
#define BPSIM_NATIVE_IO_H

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <signal.h>

namespace bpsim_io {

enum Kind { CONDITIONAL = 0, DIRECT_JUMP, INDIRECT_JUMP, DIRECT_CALL, INDIRECT_CALL, RETURN, OTHER };

static int request_fd = -1;
static int reply_fd = -1;
static unsigned char in_buffer[1 << 16];
static size_t in_start = 0, in_end = 0;

// The predictor may print: its standard output goes to standard error, so that only this
// driver writes on the reply pipe, and it reads nothing from standard input.
static void take_over_standard_streams() {
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive bpsim, even when looping
  if (getppid() == 1) {
    _exit(70);
  }
  request_fd = dup(0);
  reply_fd = dup(1);
  int null_fd = open("/dev/null", O_RDONLY);
  dup2(null_fd, 0);
  close(null_fd);
  dup2(2, 1);
}

static void fail(const char* what) {
  fprintf(stderr, "bpsim native driver: %s\n", what);
  _exit(71);
}

// Reads exactly n bytes; the end of the pipe before a message starts ends the child quietly.
static void read_exactly(void* into, size_t n, bool at_message_start) {
  unsigned char* out = static_cast<unsigned char*>(into);
  while (n > 0) {
    if (in_start == in_end) {
      ssize_t got = read(request_fd, in_buffer, sizeof in_buffer);
      if (got <= 0) {
        if (at_message_start) {
          _exit(0);
        }
        fail("the request pipe ended inside a message");
      }
      in_start = 0;
      in_end = static_cast<size_t>(got);
    }
    size_t take = in_end - in_start < n ? in_end - in_start : n;
    memcpy(out, in_buffer + in_start, take);
    in_start += take;
    out += take;
    n -= take;
    at_message_start = false;
  }
}

static uint64_t read_u64() {
  uint64_t v;
  read_exactly(&v, 8, false);
  return v;
}

static uint32_t read_u32() {
  uint32_t v;
  read_exactly(&v, 4, false);
  return v;
}

static uint8_t read_u8() {
  uint8_t v;
  read_exactly(&v, 1, false);
  return v;
}

static char read_tag() {
  char tag;
  read_exactly(&tag, 1, true);
  return tag;
}

static void write_all(const void* from, size_t n) {
  const char* p = static_cast<const char*>(from);
  while (n > 0) {
    ssize_t put = write(reply_fd, p, n);
    if (put <= 0) {
      _exit(0);  // bpsim has gone
    }
    p += put;
    n -= static_cast<size_t>(put);
  }
}

static void reply_header(char tag, uint32_t n) {
  unsigned char header[5];
  header[0] = static_cast<unsigned char>(tag);
  memcpy(header + 1, &n, 4);
  write_all(header, 5);
}

static void reply_one(bool predicted) {
  unsigned char message[6] = {'R', 1, 0, 0, 0, static_cast<unsigned char>(predicted ? 1 : 0)};
  write_all(message, 6);
}

// One branch of a batch, as it crosses the pipe.
struct Branch {
  uint64_t pc, target, seq;
  uint8_t flags;
  int kind() const { return flags & 15; }
  bool taken() const { return (flags >> 4) & 1; }
  bool predicted() const { return (flags >> 5) & 1; }
};

// Reads one branch sent on its own (an 'U' message), fields in the batch's order.
static Branch read_branch() {
  Branch b;
  b.pc = read_u64();
  b.target = read_u64();
  b.seq = read_u64();
  b.flags = read_u8();
  return b;
}

static const size_t BRANCH_BYTES = 25;
static unsigned char* batch_bytes = nullptr;
static unsigned char* batch_replies = nullptr;
static uint32_t batch_capacity = 0;

// Reads a batch's branches into the raw buffer; branch(i) decodes entry i.
static uint32_t read_batch() {
  uint32_t n = read_u32();
  if (n > (1u << 24)) {
    fail("batch too large");
  }
  if (n > batch_capacity) {
    free(batch_bytes);
    free(batch_replies);
    batch_bytes = static_cast<unsigned char*>(malloc(static_cast<size_t>(n) * BRANCH_BYTES));
    batch_replies = static_cast<unsigned char*>(malloc(n));
    batch_capacity = n;
  }
  read_exactly(batch_bytes, static_cast<size_t>(n) * BRANCH_BYTES, false);
  return n;
}

static Branch branch(uint32_t i) {
  const unsigned char* p = batch_bytes + static_cast<size_t>(i) * BRANCH_BYTES;
  Branch b;
  memcpy(&b.pc, p, 8);
  memcpy(&b.target, p + 8, 8);
  memcpy(&b.seq, p + 16, 8);
  b.flags = p[24];
  return b;
}

static void reply_batch(uint32_t n) {
  reply_header('R', n);
  write_all(batch_replies, n);
}

static void hello() {
  reply_header('H', 1);
}

}  // namespace bpsim_io

#endif
