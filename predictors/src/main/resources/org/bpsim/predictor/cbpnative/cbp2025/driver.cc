// bpsim's driver for a CBP-2025 submission: it calls the hooks of the kit's
// cond_branch_predictor_interface.cc for branches that bpsim sends over a pipe (see
// bpsim_native_io.h). Written for bpsim.
//
// In `bpsim run` (batches, 'B'): for each branch in trace order, a conditional one is predicted
// (get_cond_dir_prediction), then every branch gets spec_update with its resolved direction,
// then a conditional one is at once trained (notify_instr_execute_resolve) and committed
// (notify_instr_commit); piece is 0 and cycles are 0 there, and non-branches get no hooks.
// In `bpsim simulate --machine cbp2025` the timing model sends every hook of every micro-op at
// its pipeline point, with the kit's seq_no, piece and cycles ('i', 'p', 's', 'd', 'a', 'x',
// 'c'); the micro-op's decode and execute infos are sent once, with its fetch, and kept here
// until its commit. On another timing model the three staged calls come ('F', 'S', 'X').
#include <utility>
#include <vector>

#include "bpsim_native_io.h"
#include "lib/sim_common_structs.h"

// The kit links every hook; a submission that leaves out the notification-only ones is
// accepted here (weak), and they are then not called.
void notify_instr_fetch(uint64_t seq_no, uint8_t piece, uint64_t pc, const uint64_t fetch_cycle)
    __attribute__((weak));
void notify_instr_decode(uint64_t seq_no, uint8_t piece, uint64_t pc, const DecodeInfo& _decode_info,
                         const uint64_t decode_cycle) __attribute__((weak));
void notify_agen_complete(uint64_t seq_no, uint8_t piece, uint64_t pc, const DecodeInfo& _decode_info,
                          const uint64_t mem_va, const uint64_t mem_sz, const uint64_t agen_cycle)
    __attribute__((weak));
void beginCondDirPredictor();
bool get_cond_dir_prediction(uint64_t seq_no, uint8_t piece, uint64_t pc, const uint64_t pred_cycle);
void spec_update(uint64_t seq_no, uint8_t piece, uint64_t pc, InstClass inst_class,
                 const bool resolve_dir, const bool pred_dir, const uint64_t next_pc);
void notify_instr_execute_resolve(uint64_t seq_no, uint8_t piece, uint64_t pc, const bool pred_dir,
                                  const ExecuteInfo& exec_info, const uint64_t execute_cycle);
void notify_instr_commit(uint64_t seq_no, uint8_t piece, uint64_t pc, const bool pred_dir,
                         const ExecuteInfo& exec_info, const uint64_t commit_cycle);
void endCondDirPredictor();

// bpsim's branch kinds as the kit's classes; OTHER (ChampSim's BRANCH_OTHER) has none and is
// sent as an unconditional indirect branch.
static const InstClass INST_CLASS[7] = {
    InstClass::condBranchInstClass,  InstClass::uncondDirectBranchInstClass,
    InstClass::uncondIndirectBranchInstClass, InstClass::callDirectInstClass,
    InstClass::callIndirectInstClass, InstClass::ReturnInstClass,
    InstClass::uncondIndirectBranchInstClass};

static inline InstClass inst_class(int kind) {
  return kind >= 0 && kind < 7 ? INST_CLASS[kind] : InstClass::uncondIndirectBranchInstClass;
}

static void train(uint64_t seq, uint64_t pc, bool taken, bool predicted, uint64_t next_pc) {
  ExecuteInfo info;
  info.dec_info.insn_class = InstClass::condBranchInstClass;
  info.taken = taken;
  info.next_pc = next_pc;
  // taken_target stays empty: the kit's populate_exec_info never sets it.
  notify_instr_execute_resolve(seq, 0, pc, predicted, info, 0);
  notify_instr_commit(seq, 0, pc, predicted, info, 0);
}

static bool last_prediction = false;

// The micro-ops in flight in the kit's model, by seq_no: what later hooks pass again.
struct InFlight {
  uint64_t seq = UINT64_MAX;
  uint64_t pc = 0;
  uint8_t piece = 0;
  ExecuteInfo info;
};
static std::vector<InFlight> in_flight(4096);

static InFlight& slot_of(uint64_t seq, uint8_t piece) {
  InFlight& f = in_flight[seq & (in_flight.size() - 1)];
  if (f.seq != seq || f.piece != piece) {
    bpsim_io::fail("a hook for a micro-op never fetched");
  }
  return f;
}

// Fields of a message read in one piece (bpsim_native_io.h has the layouts).
template <typename T>
static inline T field(const unsigned char* m, size_t at) {
  T v;
  memcpy(&v, m + at, sizeof v);
  return v;
}

// 'i': a micro-op fetched. Its slot is taken over (the ring grows while older ones are live).
static void fetched() {
  unsigned char m[56];
  bpsim_io::read_exactly(m, sizeof m, false);
  uint64_t seq = field<uint64_t>(m, 0);
  uint8_t piece = m[8];
  uint64_t pc = field<uint64_t>(m, 9);
  uint64_t cycle = field<uint64_t>(m, 17);
  uint8_t cls = m[25];
  uint8_t sources = m[26];
  const unsigned char* src = m + 27;
  uint8_t dst = m[30];
  uint64_t va = field<uint64_t>(m, 31);
  uint64_t size = field<uint64_t>(m, 39);
  uint8_t flags = m[47];
  uint64_t next_pc = field<uint64_t>(m, 48);
  while (in_flight[seq & (in_flight.size() - 1)].seq != UINT64_MAX) {
    std::vector<InFlight> bigger(in_flight.size() * 2);
    for (InFlight& f : in_flight) {
      if (f.seq != UINT64_MAX) std::swap(bigger[f.seq & (bigger.size() - 1)], f);
    }
    in_flight.swap(bigger);
  }
  InFlight& f = in_flight[seq & (in_flight.size() - 1)];
  f.seq = seq;
  f.pc = pc;
  f.piece = piece;
  // As the kit's populate_exec_info: dst_reg_value stays empty (bpsim keeps no register
  // values), taken_target too (the kit never sets it).
  ExecuteInfo& e = f.info;
  e.dec_info.insn_class = static_cast<InstClass>(cls);
  e.dec_info.src_reg_info.clear();
  for (int i = 0; i < sources && i < 3; i++) e.dec_info.src_reg_info.push_back(src[i]);
  e.dec_info.dst_reg_info.reset();
  if (dst != 0xff) e.dec_info.dst_reg_info = dst;
  e.taken.reset();
  if (is_br(e.dec_info.insn_class)) e.taken = (flags & 1) != 0;
  e.next_pc = next_pc;
  e.taken_target.reset();
  e.mem_va.reset();
  e.mem_sz.reset();
  if (flags & 2) {
    e.mem_va = va;
    e.mem_sz = size;
  }
  e.dst_reg_value.reset();
  if (notify_instr_fetch) notify_instr_fetch(seq, piece, pc, cycle);
}

// 'd', 'a', 'x', 'c': a later hook of a micro-op fetched.
static void event(char tag) {
  unsigned char m[18];
  bpsim_io::read_exactly(m, sizeof m, false);
  uint64_t seq = field<uint64_t>(m, 0);
  uint8_t piece = m[8];
  bool predicted = m[9] != 0;
  uint64_t cycle = field<uint64_t>(m, 10);
  InFlight& f = slot_of(seq, piece);
  switch (tag) {
    case 'd':
      if (notify_instr_decode) notify_instr_decode(seq, piece, f.pc, f.info.dec_info, cycle);
      break;
    case 'a':
      if (notify_agen_complete) {
        notify_agen_complete(seq, piece, f.pc, f.info.dec_info, f.info.mem_va.value_or(0),
                             f.info.mem_sz.value_or(0), cycle);
      }
      break;
    case 'x':
      notify_instr_execute_resolve(seq, piece, f.pc, predicted, f.info, cycle);
      break;
    default:
      notify_instr_commit(seq, piece, f.pc, predicted, f.info, cycle);
      f.seq = UINT64_MAX;
      break;
  }
}

// One branch of `run`: predicted (when conditional), updated, trained and committed at once.
static bool one_branch(const bpsim_io::Branch& b, bool predicted, bool have_prediction) {
  bool conditional = b.kind() == bpsim_io::CONDITIONAL;
  uint64_t next_pc = b.taken() ? b.target : b.pc + 4;
  if (conditional && !have_prediction) {
    predicted = get_cond_dir_prediction(b.seq, 0, b.pc, 0);
  }
  if (!conditional) {
    predicted = true;
  }
  spec_update(b.seq, 0, b.pc, inst_class(b.kind()), b.taken(), predicted, next_pc);
  if (conditional) {
    train(b.seq, b.pc, b.taken(), predicted, next_pc);
  }
  return predicted;
}

int main() {
  bpsim_io::take_over_standard_streams();
  beginCondDirPredictor();
  bpsim_io::hello();
  while (true) {
    char tag = bpsim_io::read_tag();
    switch (tag) {
      case 'B': {
        uint32_t n = bpsim_io::read_batch();
        for (uint32_t i = 0; i < n; i++) {
          bpsim_io::batch_replies[i] = one_branch(bpsim_io::branch(i), false, false) ? 1 : 0;
        }
        bpsim_io::reply_batch(n);
        break;
      }
      case 'P': {
        uint64_t pc = bpsim_io::read_u64();
        uint64_t seq = bpsim_io::read_u64();
        last_prediction = get_cond_dir_prediction(seq, 0, pc, 0);
        bpsim_io::reply_one(last_prediction);
        break;
      }
      case 'U': {
        bpsim_io::Branch b = bpsim_io::read_branch();
        one_branch(b, last_prediction, true);
        break;
      }
      case 'F': {
        uint64_t seq = bpsim_io::read_u64();
        uint64_t pc = bpsim_io::read_u64();
        bpsim_io::reply_one(get_cond_dir_prediction(seq, 0, pc, 0));
        break;
      }
      case 'S': {
        uint64_t seq = bpsim_io::read_u64();
        uint64_t pc = bpsim_io::read_u64();
        uint64_t next_pc = bpsim_io::read_u64();
        uint8_t flags = bpsim_io::read_u8();
        spec_update(seq, 0, pc, inst_class(flags & 15), (flags >> 4) & 1, (flags >> 5) & 1,
                    next_pc);
        break;
      }
      case 'X': {
        uint64_t seq = bpsim_io::read_u64();
        uint64_t pc = bpsim_io::read_u64();
        uint64_t next_pc = bpsim_io::read_u64();
        uint8_t flags = bpsim_io::read_u8();
        train(seq, pc, (flags >> 4) & 1, (flags >> 5) & 1, next_pc);
        break;
      }
      case 'i':
        fetched();
        break;
      case 'p': {
        uint64_t seq = bpsim_io::read_u64();
        uint8_t piece = bpsim_io::read_u8();
        uint64_t pc = bpsim_io::read_u64();
        uint64_t cycle = bpsim_io::read_u64();
        bpsim_io::reply_one(get_cond_dir_prediction(seq, piece, pc, cycle));
        break;
      }
      case 's': {
        unsigned char m[27];
        bpsim_io::read_exactly(m, sizeof m, false);
        uint8_t flags = m[18];
        spec_update(field<uint64_t>(m, 0), m[8], field<uint64_t>(m, 9),
                    static_cast<InstClass>(m[17]), flags & 1, (flags >> 1) & 1,
                    field<uint64_t>(m, 19));
        break;
      }
      case 'd':
      case 'a':
      case 'x':
      case 'c':
        event(tag);
        break;
      case 'Q':
        endCondDirPredictor();
        fflush(stdout);
        _exit(0);
      default:
        bpsim_io::fail("unknown request");
    }
  }
}
