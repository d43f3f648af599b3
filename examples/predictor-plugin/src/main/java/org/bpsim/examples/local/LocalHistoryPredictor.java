package org.bpsim.examples.local;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;

/**
 * Yeh and Patt's two-level adaptive predictor with per-address histories (MICRO 1991, ISCA 1992).
 *
 * <p>Level one, the branch history table, keeps the last {@code h} outcomes of each branch
 * (indexed by the low address bits). Level two, the pattern history table, holds 2-bit counters
 * indexed by that history: one table shared by all branches (PAg), or one table per branch-history
 * entry (PAp), so that two branches with the same recent pattern do not disturb each other.
 * A loop that runs n times is learnt perfectly once h >= n.
 */
public final class LocalHistoryPredictor implements BranchPredictor {
  private final int historyBits;
  private final int historyMask;
  private final int bhtMask;
  private final boolean perAddressPatterns;
  private final short[] histories;
  private final byte[] counters;

  public LocalHistoryPredictor(int bhtBits, int historyBits, boolean perAddressPatterns) {
    this.historyBits = historyBits;
    this.historyMask = (1 << historyBits) - 1;
    this.bhtMask = (1 << bhtBits) - 1;
    this.perAddressPatterns = perAddressPatterns;
    this.histories = new short[1 << bhtBits];
    int patternTables = perAddressPatterns ? 1 << bhtBits : 1;
    this.counters = new byte[patternTables << historyBits];
    java.util.Arrays.fill(counters, (byte) 2);
  }

  private int row(long pc) {
    return (int) (pc & bhtMask);
  }

  private int counterIndex(int row) {
    int history = histories[row] & historyMask;
    return perAddressPatterns ? (row << historyBits) | history : history;
  }

  @Override
  public boolean predict(long pc) {
    return counters[counterIndex(row(pc))] >= 2;
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    if (kind != BranchKind.CONDITIONAL) {
      return; // local histories only describe conditional branches
    }
    int row = row(pc);
    int index = counterIndex(row);
    int counter = counters[index];
    counters[index] = (byte) (taken ? Math.min(3, counter + 1) : Math.max(0, counter - 1));
    histories[row] = (short) (((histories[row] << 1) | (taken ? 1 : 0)) & historyMask);
  }

  @Override
  public long storageBits() {
    return (long) histories.length * historyBits + 2L * counters.length;
  }
}
