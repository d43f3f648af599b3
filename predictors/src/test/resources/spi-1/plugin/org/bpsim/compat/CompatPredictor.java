package org.bpsim.compat;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;

/** Two-bit counters indexed by the pc (mode counter), or always taken (mode taken). */
final class CompatPredictor implements BranchPredictor {
  private final byte[] counters;
  private final boolean alwaysTaken;
  /** Branches seen by kind, through BranchKind's codes. */
  final long[] seen = new long[BranchKind.values().length];

  CompatPredictor(int bits, String mode, int seed) {
    counters = new byte[1 << bits];
    java.util.Arrays.fill(counters, (byte) seed);
    alwaysTaken = mode.equals("taken");
  }

  private int index(long pc) {
    return (int) (pc & (counters.length - 1));
  }

  @Override
  public boolean predict(long pc) {
    return alwaysTaken || counters[index(pc)] >= 2;
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    seen[BranchKind.ofCode(kind.code()).ordinal()]++;
    if (!kind.isConditional() || kind.isCall() || kind.isIndirect()) {
      return;
    }
    int i = index(pc);
    if (taken && counters[i] < 3) {
      counters[i]++;
    } else if (!taken && counters[i] > 0) {
      counters[i]--;
    }
  }

  @Override
  public long storageBits() {
    return alwaysTaken ? UNKNOWN_STORAGE : 2L * counters.length;
  }
}
