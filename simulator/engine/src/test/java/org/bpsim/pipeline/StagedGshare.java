package org.bpsim.pipeline;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.StagedBranchPredictor;

/**
 * A gshare for tests of the staged path, shaped like the kit's TAGE-SC-L: the global history
 * used for a prediction is checkpointed at fetch (keyed by the branch's sequence number), the
 * history moves on at {@code specUpdate} with the resolved direction, and at execute the counter
 * that the checkpointed history selects is trained, whatever younger branches did meanwhile.
 * Driven through {@link #predict}/{@link #update} it is bpsim's gshare (history {@code H},
 * {@code 2^N} 2-bit counters starting weakly taken, index {@code (pc ^ history) mod 2^N}).
 */
final class StagedGshare implements StagedBranchPredictor {
  /** In-flight branches are within one window, so a ring of sequence numbers is enough. */
  private static final int CHECKPOINTS = 1 << 16;

  private final byte[] counters;
  private final long indexMask;
  private final long historyMask;
  private final int historyLength;
  private long history;
  private final long[] checkpointSeq = new long[CHECKPOINTS];
  private final long[] checkpointHistory = new long[CHECKPOINTS];

  StagedGshare(int historyLength, int indexBits) {
    this.counters = new byte[1 << indexBits];
    java.util.Arrays.fill(counters, (byte) 2);
    java.util.Arrays.fill(checkpointSeq, -1);
    this.indexMask = (1L << indexBits) - 1;
    this.historyMask = (1L << historyLength) - 1;
    this.historyLength = historyLength;
  }

  private int index(long pc, long withHistory) {
    return (int) ((pc ^ withHistory) & indexMask);
  }

  private void train(int index, boolean taken) {
    int c = counters[index];
    counters[index] = (byte) (taken ? Math.min(3, c + 1) : Math.max(0, c - 1));
  }

  private void push(boolean taken) {
    history = ((history << 1) | (taken ? 1 : 0)) & historyMask;
  }

  @Override
  public boolean predict(long pc) {
    return counters[index(pc, history)] >= 2;
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    if (kind == BranchKind.CONDITIONAL) {
      train(index(pc, history), taken);
      push(taken);
    }
  }

  @Override
  public boolean predictAtFetch(long seqNo, long pc) {
    int slot = (int) (seqNo & (CHECKPOINTS - 1));
    checkpointSeq[slot] = seqNo;
    checkpointHistory[slot] = history;
    return counters[index(pc, history)] >= 2;
  }

  @Override
  public void specUpdate(long seqNo, long pc, BranchKind kind, boolean predicted, boolean taken,
      long nextPc) {
    if (kind == BranchKind.CONDITIONAL) {
      push(taken);
    }
  }

  @Override
  public void resolveAtExecute(long seqNo, long pc, boolean taken, boolean predicted,
      long nextPc) {
    int slot = (int) (seqNo & (CHECKPOINTS - 1));
    if (checkpointSeq[slot] != seqNo) {
      throw new IllegalStateException("branch " + seqNo + " resolved without its checkpoint");
    }
    checkpointSeq[slot] = -1;
    train(index(pc, checkpointHistory[slot]), taken);
  }

  @Override
  public long storageBits() {
    return 2L * counters.length + historyLength;
  }
}
