package org.bpsim.predictor.gshare;

import org.bpsim.predictor.common.SaturatingCounters;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;

/**
 * McFarling's gshare (1993): 2-bit counters indexed by the branch address XOR the global history
 * of the last H conditional outcomes ({@code (pc ^ ghr) mod 2^N}, newest outcome in bit 0).
 * Only conditional branches enter the history, as in the CBP-2016 kit's gshare.
 */
public final class GsharePredictor implements BranchPredictor {
  private final SaturatingCounters counters;
  private final long indexMask;
  private final long historyMask;
  private final int historyLength;
  private long history;

  public GsharePredictor(int historyLength, int indexBits, int initialCounter) {
    this.counters = new SaturatingCounters(1 << indexBits, 2, initialCounter);
    this.indexMask = (1L << indexBits) - 1;
    this.historyMask = historyLength == 64 ? -1L : (1L << historyLength) - 1;
    this.historyLength = historyLength;
  }

  private int index(long pc) {
    return (int) ((pc ^ history) & indexMask);
  }

  @Override
  public boolean predict(long pc) {
    return counters.predict(index(pc));
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    if (kind != BranchKind.CONDITIONAL) {
      return;
    }
    counters.update(index(pc), taken);
    history = ((history << 1) | (taken ? 1 : 0)) & historyMask;
  }

  @Override
  public long storageBits() {
    return counters.storageBits() + historyLength;
  }
}
