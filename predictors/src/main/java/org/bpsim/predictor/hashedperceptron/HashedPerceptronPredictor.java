package org.bpsim.predictor.hashedperceptron;

import org.bpsim.predictor.common.FoldedHistory;
import org.bpsim.predictor.common.GeometricHistoryLengths;
import org.bpsim.predictor.common.SaturatingCounters;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;

/**
 * A hashed perceptron: the perceptron's sum of weights, but with one weight per table instead of
 * one per history bit (Tarjan and Skadron, "Merging path and gshare indexing in perceptron branch
 * prediction", TACO 2005; Jiménez's multi-table "hashed perceptron"; Seznec's O-GEHL for the
 * geometric lengths and the adaptive threshold).
 *
 * <p>Table i holds 2^n signed weights and is indexed by a hash of the branch address with the last
 * L(i) global outcomes (folded to n bits) and a bit of the address of each of the last
 * min(L(i), 16) conditional branches (the path). L(0) = 0 makes table 0 a per-address bias; the other lengths grow
 * geometrically up to {@code max_history}, so one table each can capture correlations at very
 * different distances. The prediction is taken when
 *
 * <pre>  y = sum(i) W_i[index_i(pc, history, path)] >= 0</pre>
 *
 * and, as for the perceptron, all the selected weights move toward the outcome when the prediction
 * was wrong or |y| <= theta.
 *
 * <p>Theta adapts as in O-GEHL: a 7-bit counter goes up on every misprediction and down on every
 * correct but low-confidence prediction; when it saturates, theta moves one step in that direction
 * and the counter restarts. Training then stays balanced between too often (wasting weights on easy
 * branches) and too rarely (not learning hard ones).
 */
public final class HashedPerceptronPredictor implements BranchPredictor {
  static final int PATH_BITS = 16;
  static final int THRESHOLD_BITS = 12;
  static final int THRESHOLD_COUNTER_BITS = 7;
  private static final int THRESHOLD_COUNTER_MAX = (1 << (THRESHOLD_COUNTER_BITS - 1)) - 1;
  private static final int THRESHOLD_COUNTER_MIN = -(1 << (THRESHOLD_COUNTER_BITS - 1));
  private static final int THRESHOLD_MAX = (1 << THRESHOLD_BITS) - 1;

  private final int tables;
  private final int tableBits;
  private final int weightBits;
  private final int indexMask;
  private final int[] lengths;
  private final int[] pathMasks;
  /** The global outcomes, folded for table i into its fold i (table 0's, of length 0, is 0). */
  private final FoldedHistory history;
  private final byte[] weights;
  private final int maxHistory;
  private int path;

  private int theta;
  private int thetaCounter;

  // What predict computed, reused by the update that follows it for the same branch.
  private final int[] lastIndex;
  private int lastSum;

  public HashedPerceptronPredictor(int tables, int tableBits, int weightBits, int minHistory,
      int maxHistory) {
    if (tables < 2 || tableBits < 1 || tableBits > 24 || weightBits < 2 || weightBits > 8
        || minHistory < 1 || maxHistory < minHistory + tables - 2) {
      throw new IllegalArgumentException("hashed-perceptron: tables >= 2, table_bits 1..24, "
          + "weight_bits 2..8, 1 <= min_history, max_history >= min_history + tables - 2");
    }
    this.tables = tables;
    this.tableBits = tableBits;
    this.weightBits = weightBits;
    this.indexMask = (1 << tableBits) - 1;
    // table 0 is a plain bias; the others see a geometric series of lengths, none twice
    this.lengths = new int[tables];
    System.arraycopy(GeometricHistoryLengths.strictlyIncreasing(tables - 1, minHistory,
        maxHistory), 0, lengths, 1, tables - 1);
    this.maxHistory = lengths[tables - 1];
    this.pathMasks = new int[tables];
    this.history = new FoldedHistory(this.maxHistory);
    for (int i = 0; i < tables; i++) {
      pathMasks[i] = (int) ((1L << Math.min(lengths[i], PATH_BITS)) - 1);
      history.addFold(lengths[i], tableBits);
    }
    this.weights = new byte[Math.multiplyExact(tables, 1 << tableBits)];
    this.theta = tables;
    this.lastIndex = new int[tables];
  }

  /** The history length each table sees, table 0 first. */
  public int[] historyLengths() {
    return lengths.clone();
  }

  public int threshold() {
    return theta;
  }

  private int index(int table, int pcHash, int fold) {
    int p = path & pathMasks[table];
    int pathHash = p ^ (p >>> tableBits);
    // Shifting the address and path by table-dependent amounts keeps two tables from mapping
    // the same branches onto the same collisions.
    int h = pcHash ^ (pcHash >>> (table + 1)) ^ fold ^ (pathHash << (table & 3));
    return (table << tableBits) | (h & indexMask);
  }

  @Override
  public boolean predict(long pc) {
    int pcHash = (int) (pc ^ (pc >>> 2) ^ (pc >>> (tableBits + 2)));
    int[] folds = history.currentFolds();
    int sum = 0;
    for (int t = 0; t < tables; t++) {
      int i = index(t, pcHash, folds[t]);
      lastIndex[t] = i;
      sum += weights[i];
    }
    lastSum = sum;
    return sum >= 0;
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    if (kind != BranchKind.CONDITIONAL) {
      return;
    }
    int sum = lastSum;
    boolean wrong = (sum >= 0) != taken;
    boolean weak = Math.abs(sum) <= theta;
    if (wrong || weak) {
      for (int t = 0; t < tables; t++) {
        int i = lastIndex[t];
        weights[i] = (byte) SaturatingCounters.ctrupdate(weights[i], taken, weightBits);
      }
    }
    adaptThreshold(wrong, weak);
    pushHistory(pc, taken);
  }

  private void adaptThreshold(boolean wrong, boolean weak) {
    if (wrong) {
      if (++thetaCounter > THRESHOLD_COUNTER_MAX) {
        theta = Math.min(THRESHOLD_MAX, theta + 1);
        thetaCounter = 0;
      }
    } else if (weak) {
      if (--thetaCounter < THRESHOLD_COUNTER_MIN) {
        theta = Math.max(0, theta - 1);
        thetaCounter = 0;
      }
    }
  }

  private void pushHistory(long pc, boolean taken) {
    history.push(taken ? 1 : 0, 1);
    path = (path << 1) ^ (int) ((pc ^ (pc >>> 2)) & 1);
  }

  /**
   * Weights, plus the registers a hardware version keeps: the global history (max_history bits),
   * the path (16 bits), theta and its counter.
   */
  @Override
  public long storageBits() {
    return (long) weights.length * weightBits + maxHistory + PATH_BITS + THRESHOLD_BITS
        + THRESHOLD_COUNTER_BITS;
  }
}
