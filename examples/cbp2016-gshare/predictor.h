// A gshare in the CBP-2016 interface, written for bpsim as the worked example of
// "Bring your C++ predictor" (README): 2^17 two-bit counters starting weakly taken, indexed by
// the branch address XOR the last 17 conditional outcomes. It mispredicts exactly the branches
// bpsim's Java `gshare` (history=17, index_bits=17, init=2) does.
//
//   ./bpsim run -t ../shared/traces/cbp2016/SHORT_MOBILE-1.bt9.trace.gz \
//       -p cbp2016:dir=examples/cbp2016-gshare -p gshare
#ifndef _PREDICTOR_H_
#define _PREDICTOR_H_

#include <vector>
#include "utils.h"

class PREDICTOR {
 public:
  static const int BITS = 17;

  PREDICTOR() : history(0), counters(1u << BITS, 2) {}

  bool GetPrediction(UINT64 PC) { return counters[slot(PC)] >= 2; }

  void UpdatePredictor(UINT64 PC, OpType opType, bool resolveDir, bool predDir,
                       UINT64 branchTarget) {
    (void)opType;
    (void)predDir;
    (void)branchTarget;
    unsigned char& counter = counters[slot(PC)];
    if (resolveDir && counter < 3) {
      counter++;
    } else if (!resolveDir && counter > 0) {
      counter--;
    }
    history = ((history << 1) | (resolveDir ? 1 : 0)) & ((1u << BITS) - 1);
  }

  // Unconditional branches leave a gshare alone.
  void TrackOtherInst(UINT64 PC, OpType opType, bool branchDir, UINT64 branchTarget) {
    (void)PC;
    (void)opType;
    (void)branchDir;
    (void)branchTarget;
  }

 private:
  UINT32 slot(UINT64 pc) const { return static_cast<UINT32>((pc ^ history) & ((1u << BITS) - 1)); }

  UINT64 history;
  std::vector<unsigned char> counters;
};

#endif
