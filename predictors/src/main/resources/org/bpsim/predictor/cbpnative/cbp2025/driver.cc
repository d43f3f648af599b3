// bpsim's driver for a CBP-2025 submission: it calls the hooks of the kit's
// cond_branch_predictor_interface.cc for branches that bpsim sends over a pipe (see
// bpsim_native_io.h). Written for bpsim.
//
// In `bpsim run` (batches, 'B'): for each branch in trace order, a conditional one is predicted
// (get_cond_dir_prediction), then every branch gets spec_update with its resolved direction,
// then a conditional one is at once trained (notify_instr_execute_resolve) and committed
// (notify_instr_commit). In `bpsim simulate --machine cbp2025` the timing model sends each
// call at its pipeline point ('F', 'S', 'X'); commit follows execute at once. piece is always
// 0, cycles are passed as 0, and notify_instr_fetch/decode/agen_complete are not called.
#include "bpsim_native_io.h"
#include "lib/sim_common_structs.h"

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
  if (taken) {
    info.taken_target = next_pc;
  }
  notify_instr_execute_resolve(seq, 0, pc, predicted, info, 0);
  notify_instr_commit(seq, 0, pc, predicted, info, 0);
}

static bool last_prediction = false;

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
        bpsim_io::Branch b;
        b.pc = bpsim_io::read_u64();
        b.target = bpsim_io::read_u64();
        b.seq = bpsim_io::read_u64();
        b.flags = bpsim_io::read_u8();
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
      case 'Q':
        endCondDirPredictor();
        fflush(stdout);
        _exit(0);
      default:
        bpsim_io::fail("unknown request");
    }
  }
}
