package org.bpsim.predictor.perceptron;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;

/**
 * The perceptron predictor of Jiménez and Lin, "Dynamic Branch Prediction with Perceptrons"
 * (HPCA 2001).
 *
 * <p>A table of N perceptrons is indexed by a hash of the branch address. A perceptron is a vector
 * of h + 1 signed weights w0..wh. With the global history x1..xh of the last h conditional
 * outcomes, each +1 (taken) or -1 (not taken), its output is
 *
 * <pre>  y = w0 + sum(i = 1..h) xi * wi</pre>
 *
 * and the branch is predicted taken when y >= 0. Once the outcome t (+1 or -1) is known, the
 * perceptron is trained only if it was wrong or not confident enough, |y| <= theta:
 *
 * <pre>  wi = wi + t * xi   (w0 with x0 = 1), saturating at the weight width</pre>
 *
 * with theta = floor(1.93 h + 14), the threshold the paper found best. Weights are 8-bit
 * saturating integers in the paper; {@code weight_bits} may narrow them.
 *
 * <p>The history is kept as +1/-1 bytes in a buffer written twice (at p and p + h), so the newest
 * h outcomes are always the contiguous window starting at p and the dot product is a plain loop.
 */
public final class PerceptronPredictor implements BranchPredictor {
  private final int historyLength;
  private final int tableBits;
  private final int weightBits;
  private final int indexMask;
  private final int weightsPerPerceptron;
  private final int threshold;
  private final int maxWeight;
  private final int minWeight;
  private final byte[] weights;
  private final byte[] history;
  private int newest;

  // What predict computed, reused by the update that follows it for the same branch.
  private int lastBase;
  private int lastOutput;

  public PerceptronPredictor(int historyLength, int tableBits, int weightBits) {
    if (historyLength < 1 || tableBits < 0 || tableBits > 24 || weightBits < 2
        || weightBits > 8) {
      throw new IllegalArgumentException("perceptron: history >= 1, table_bits 0..24, "
          + "weight_bits 2..8");
    }
    this.historyLength = historyLength;
    this.tableBits = tableBits;
    this.weightBits = weightBits;
    this.indexMask = (1 << tableBits) - 1;
    this.weightsPerPerceptron = historyLength + 1;
    this.threshold = thresholdFor(historyLength);
    this.maxWeight = (1 << (weightBits - 1)) - 1;
    this.minWeight = -(1 << (weightBits - 1));
    this.weights = new byte[Math.multiplyExact(1 << tableBits, weightsPerPerceptron)];
    this.history = new byte[2 * historyLength];
    // Before any branch the history reads as all not-taken.
    java.util.Arrays.fill(history, (byte) -1);
  }

  /** The paper's training threshold, floor(1.93 h + 14), in exact integer arithmetic. */
  public static int thresholdFor(int historyLength) {
    return (193 * historyLength + 1400) / 100;
  }

  public int threshold() {
    return threshold;
  }

  /** The pc bits above the table index are folded in, so word-aligned code uses every entry. */
  private int perceptronBase(long pc) {
    int index = (int) (pc ^ (pc >>> 2) ^ (pc >>> (tableBits + 2))) & indexMask;
    return index * weightsPerPerceptron;
  }

  @Override
  public boolean predict(long pc) {
    int base = perceptronBase(pc);
    byte[] w = weights;
    byte[] x = history;
    int p = newest;
    int y = w[base];
    for (int i = 0; i < historyLength; i++) {
      y += w[base + 1 + i] * x[p + i];
    }
    lastBase = base;
    lastOutput = y;
    return y >= 0;
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    if (kind != BranchKind.CONDITIONAL) {
      return;
    }
    int y = lastOutput;
    boolean predictedTaken = y >= 0;
    if (predictedTaken != taken || Math.abs(y) <= threshold) {
      train(lastBase, taken ? 1 : -1);
    }
    pushHistory(taken);
  }

  private void train(int base, int t) {
    byte[] w = weights;
    byte[] x = history;
    int p = newest;
    w[base] = saturate(w[base] + t);
    for (int i = 0; i < historyLength; i++) {
      w[base + 1 + i] = saturate(w[base + 1 + i] + t * x[p + i]);
    }
  }

  private byte saturate(int value) {
    return (byte) Math.max(minWeight, Math.min(maxWeight, value));
  }

  private void pushHistory(boolean taken) {
    int p = newest == 0 ? historyLength - 1 : newest - 1;
    byte x = (byte) (taken ? 1 : -1);
    history[p] = x;
    history[p + historyLength] = x;
    newest = p;
  }

  @Override
  public long storageBits() {
    return (long) weights.length * weightBits + historyLength;
  }
}
