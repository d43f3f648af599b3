package org.bpsim.predictor.bimodal;

import org.bpsim.predictor.common.SaturatingCounters;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;

/**
 * Smith's bimodal predictor (1981): one 2-bit saturating counter per table entry, indexed by the
 * low bits of the branch address ({@code pc mod 2^N}). It learns each branch's bias and nothing
 * else.
 */
public final class BimodalPredictor implements BranchPredictor {
  private final SaturatingCounters counters;
  private final long mask;

  public BimodalPredictor(int indexBits, int initialCounter) {
    this.counters = new SaturatingCounters(1 << indexBits, 2, initialCounter);
    this.mask = (1L << indexBits) - 1;
  }

  @Override
  public boolean predict(long pc) {
    return counters.predict((int) (pc & mask));
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    if (kind == BranchKind.CONDITIONAL) {
      counters.update((int) (pc & mask), taken);
    }
  }

  @Override
  public long storageBits() {
    return counters.storageBits();
  }
}
