package org.bpsim.predictor.tournament;

import org.bpsim.predictor.common.SaturatingCounters;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;

/**
 * The Alpha 21264 tournament predictor (Kessler, "The Alpha 21264 Microprocessor", IEEE Micro
 * 1999; McFarling's combining predictor, 1993).
 *
 * <p>Two predictors run side by side and a third chooses between them:
 *
 * <ul>
 *   <li><b>local</b>: a table of 1024 10-bit histories, one per branch (indexed by the pc), each
 *       holding that branch's own last 10 outcomes; the history indexes 1024 3-bit counters. It
 *       captures branches with their own repeating pattern, such as loops.
 *   <li><b>global</b>: 4096 2-bit counters indexed by the last 12 conditional outcomes of the whole
 *       program (the path history), capturing correlation between branches.
 *   <li><b>choice</b>: 4096 2-bit counters, also indexed by the global history, that learn which
 *       of the two to trust in that context: they move toward the one that was right whenever
 *       the two disagree.
 * </ul>
 *
 * Counters start weakly taken; the choice starts weakly preferring the global predictor.
 */
public final class TournamentPredictor implements BranchPredictor {
  private static final int COUNTER_BITS = 2;

  private final int localHistoryBits;
  private final int localIndexMask;
  private final int localHistoryMask;
  private final int globalHistoryBits;
  private final int globalHistoryMask;
  private final int localIndexBits;
  private final short[] localHistories;
  private final SaturatingCounters localCounters;
  private final SaturatingCounters globalCounters;
  private final SaturatingCounters choiceCounters;
  private int globalHistory;

  // What predict computed, reused by the update that follows it for the same branch.
  private int lastLocalEntry;
  private boolean lastLocalPrediction;
  private boolean lastGlobalPrediction;

  public TournamentPredictor(int localIndexBits, int localHistoryBits, int localCounterBits,
      int globalHistoryBits) {
    if (localIndexBits < 0 || localIndexBits > 24 || localHistoryBits < 1
        || localHistoryBits > 16 || localCounterBits < 1 || localCounterBits > 7
        || globalHistoryBits < 1 || globalHistoryBits > 24) {
      throw new IllegalArgumentException("tournament: local_index_bits 0..24, local_history "
          + "1..16, local_counter_bits 1..7, global_history 1..24");
    }
    this.localIndexBits = localIndexBits;
    this.localHistoryBits = localHistoryBits;
    this.localIndexMask = (1 << localIndexBits) - 1;
    this.localHistoryMask = (1 << localHistoryBits) - 1;
    this.globalHistoryBits = globalHistoryBits;
    this.globalHistoryMask = (1 << globalHistoryBits) - 1;
    this.localHistories = new short[1 << localIndexBits];
    this.localCounters = new SaturatingCounters(1 << localHistoryBits, localCounterBits,
        1 << (localCounterBits - 1));
    this.globalCounters = new SaturatingCounters(1 << globalHistoryBits, COUNTER_BITS, 2);
    this.choiceCounters = new SaturatingCounters(1 << globalHistoryBits, COUNTER_BITS, 2);
  }

  /** The pc bits above the index are folded in, so word-aligned code uses every entry. */
  private int localEntry(long pc) {
    return (int) (pc ^ (pc >>> 2) ^ (pc >>> (localIndexBits + 2))) & localIndexMask;
  }

  @Override
  public boolean predict(long pc) {
    int entry = localEntry(pc);
    lastLocalEntry = entry;
    lastLocalPrediction = localCounters.predict(localHistories[entry] & localHistoryMask);
    lastGlobalPrediction = globalCounters.predict(globalHistory);
    boolean useGlobal = choiceCounters.predict(globalHistory);
    return useGlobal ? lastGlobalPrediction : lastLocalPrediction;
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    if (kind != BranchKind.CONDITIONAL) {
      return;
    }
    int entry = lastLocalEntry;
    int localHistory = localHistories[entry] & localHistoryMask;
    if (lastLocalPrediction != lastGlobalPrediction) {
      choiceCounters.update(globalHistory, lastGlobalPrediction == taken);
    }
    localCounters.update(localHistory, taken);
    globalCounters.update(globalHistory, taken);
    int bit = taken ? 1 : 0;
    localHistories[entry] = (short) (((localHistory << 1) | bit) & localHistoryMask);
    globalHistory = ((globalHistory << 1) | bit) & globalHistoryMask;
  }

  /** Local histories + local counters + global counters + choice counters + global history. */
  @Override
  public long storageBits() {
    return (long) localHistories.length * localHistoryBits + localCounters.storageBits()
        + globalCounters.storageBits() + choiceCounters.storageBits() + globalHistoryBits;
  }
}
