// bpsim's driver for a CBP-2016 submission (predictor.h, and predictor.cc when present).
// Written for bpsim: it makes the calls the CBP-2016 kit's main.cc makes, in the same order —
// the PREDICTOR is built once before the first branch; a conditional branch gets
// GetPrediction(PC) and at once UpdatePredictor(PC, opType, taken, prediction, target); any
// other branch gets TrackOtherInst(PC, opType, taken, target) — for branches that bpsim sends
// over a pipe in batches (see bpsim_native_io.h).
#include "bpsim_native_io.h"
#include "predictor.h"

// bpsim's branch kinds as the kit's OpType: bpsim's kinds have no conditional call, return or
// indirect jump (no CBP-2016 trace has one), so a conditional branch is a direct
// conditional jump; OTHER (ChampSim's BRANCH_OTHER) has no kit type and is sent as an
// unconditional indirect jump.
static const OpType OP_TYPE[7] = {
    OPTYPE_JMP_DIRECT_COND,     OPTYPE_JMP_DIRECT_UNCOND,  OPTYPE_JMP_INDIRECT_UNCOND,
    OPTYPE_CALL_DIRECT_UNCOND,  OPTYPE_CALL_INDIRECT_UNCOND, OPTYPE_RET_UNCOND,
    OPTYPE_JMP_INDIRECT_UNCOND};

static PREDICTOR* predictor;
static bool last_prediction = false;

static inline OpType op_type(int kind) {
  return kind >= 0 && kind < 7 ? OP_TYPE[kind] : OPTYPE_JMP_INDIRECT_UNCOND;
}

static inline bool one_branch(const bpsim_io::Branch& b) {
  if (b.kind() == bpsim_io::CONDITIONAL) {
    bool predicted = predictor->GetPrediction(b.pc);
    predictor->UpdatePredictor(b.pc, OPTYPE_JMP_DIRECT_COND, b.taken(), predicted, b.target);
    return predicted;
  }
  predictor->TrackOtherInst(b.pc, op_type(b.kind()), b.taken(), b.target);
  return true;
}

int main() {
  bpsim_io::take_over_standard_streams();
  predictor = new PREDICTOR();
  bpsim_io::hello();
  while (true) {
    char tag = bpsim_io::read_tag();
    switch (tag) {
      case 'B': {
        uint32_t n = bpsim_io::read_batch();
        for (uint32_t i = 0; i < n; i++) {
          bpsim_io::batch_replies[i] = one_branch(bpsim_io::branch(i)) ? 1 : 0;
        }
        bpsim_io::reply_batch(n);
        break;
      }
      case 'P': {
        uint64_t pc = bpsim_io::read_u64();
        bpsim_io::read_u64();
        last_prediction = predictor->GetPrediction(pc);
        bpsim_io::reply_one(last_prediction);
        break;
      }
      case 'U': {
        bpsim_io::Branch b = bpsim_io::read_branch();
        if (b.kind() == bpsim_io::CONDITIONAL) {
          predictor->UpdatePredictor(b.pc, OPTYPE_JMP_DIRECT_COND, b.taken(), last_prediction,
                                     b.target);
        } else {
          predictor->TrackOtherInst(b.pc, op_type(b.kind()), b.taken(), b.target);
        }
        break;
      }
      case 'Q':
        fflush(stdout);
        _exit(0);
      default:
        bpsim_io::fail("unknown request");
    }
  }
}
