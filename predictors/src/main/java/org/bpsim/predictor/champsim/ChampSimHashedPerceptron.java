package org.bpsim.predictor.champsim;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;

/**
 * ChampSim's {@code hashed_perceptron} (Jiménez, 2019): 16 tables of 4096 eight-bit weights
 * ({@code sfwcounter<8>}, -128..127, 0 at first). Table {@code i} is indexed by the global
 * history of its length ({@code history_lengths}: 0, 3, 4, 6, 8, 10, 14, 19, 26, 36, 49, 67,
 * 91, 125, 170, 232 outcomes) folded to 12 bits ({@code folded_shift_register}: the XOR of its
 * 12-bit chunks), XOR the ip's low 12 bits. The prediction is taken when the sum of the 16
 * weights ({@code yout}) is at least {@code THRESHOLD} 1. Every branch, of any kind, shifts its
 * outcome into the history, and trains the weights it was predicted with when it was
 * mispredicted or {@code |yout| < theta}; theta starts at 10 and moves as in O-GEHL ({@code
 * adjust_threshold}, speed 18).
 *
 * <p>Each folded history is kept incrementally: pushing bit {@code b} into a history of length
 * {@code L} rotates its 12-bit fold left by one, XORs {@code b} in at bit 0 and XORs the bit
 * leaving the history out at bit {@code L mod 12}; the result equals ChampSim's fold of the
 * whole history.
 */
public final class ChampSimHashedPerceptron implements BranchPredictor {
  static final int NTABLES = 16;
  static final int[] HISTORY_LENGTHS =
      {0, 3, 4, 6, 8, 10, 14, 19, 26, 36, 49, 67, 91, 125, 170, 232};
  static final int TABLE_INDEX_BITS = 12;
  static final int TABLE_SIZE = 1 << TABLE_INDEX_BITS;
  static final int MAXHIST = 232;
  static final int THRESHOLD = 1;
  private static final int SPEED = 18;
  private static final int INDEX_MASK = TABLE_SIZE - 1;
  /** The global history, bit {@code k} of word {@code k / 64} the outcome {@code k} back. */
  private static final int HISTORY_WORDS = (MAXHIST + 63) / 64;

  /** Table {@code i}'s weights at {@code i * TABLE_SIZE + index}. */
  private final byte[] tables = new byte[NTABLES * TABLE_SIZE];
  private final long[] history = new long[HISTORY_WORDS];
  private final int[] folded = new int[NTABLES];
  private final int[] indices = new int[NTABLES];
  private int yout;
  private int theta = 10;
  private int tc;
  /** Whether {@link #indices} and {@link #yout} are the last prediction of {@link #lastPc}. */
  private boolean predicted;
  private long lastPc;

  @Override
  public boolean predict(long pc) {
    int pcSlice = (int) (pc & INDEX_MASK);
    int sum = 0;
    for (int i = 0; i < NTABLES; i++) {
      int index = folded[i] ^ pcSlice;
      indices[i] = index;
      sum += tables[i * TABLE_SIZE + index];
    }
    yout = sum;
    predicted = true;
    lastPc = pc;
    return sum >= THRESHOLD;
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    if (!predicted || lastPc != pc) {
      predict(pc);
    }
    predicted = false;
    push(taken);
    boolean correct = taken == (yout >= THRESHOLD);
    boolean weak = Math.abs(yout) < theta;
    if (!correct || weak) {
      for (int i = 0; i < NTABLES; i++) {
        int at = i * TABLE_SIZE + indices[i];
        tables[at] = (byte) (taken ? Math.min(127, tables[at] + 1) : Math.max(-128,
            tables[at] - 1));
      }
      adjustThreshold(correct);
    }
  }

  /** Shifts {@code taken} into the global history and every folded history. */
  private void push(boolean taken) {
    int bit = taken ? 1 : 0;
    for (int i = 0; i < NTABLES; i++) {
      int length = HISTORY_LENGTHS[i];
      if (length == 0) {
        continue;
      }
      int leaving = historyBit(length - 1);
      int f = folded[i];
      f = ((f << 1) | (f >>> (TABLE_INDEX_BITS - 1))) & INDEX_MASK;
      folded[i] = f ^ bit ^ (leaving << (length % TABLE_INDEX_BITS));
    }
    for (int w = HISTORY_WORDS - 1; w > 0; w--) {
      history[w] = (history[w] << 1) | (history[w - 1] >>> 63);
    }
    history[0] = (history[0] << 1) | bit;
  }

  private int historyBit(int back) {
    return (int) (history[back >>> 6] >>> (back & 63)) & 1;
  }

  /** {@code adjust_threshold}: Seznec's dynamic threshold setting from O-GEHL. */
  private void adjustThreshold(boolean correct) {
    if (!correct) {
      tc++;
      if (tc >= SPEED) {
        theta++;
        tc = 0;
      }
    } else {
      tc--;
      if (tc <= -SPEED) {
        theta--;
        tc = 0;
      }
    }
  }

  @Override
  public boolean predictsEveryInstruction() {
    return true;
  }

  /**
   * The weights (16 × 4096 × 8 bits), the 232 history bits, and theta and its counter as
   * ChampSim keeps them (two 32-bit ints).
   */
  @Override
  public long storageBits() {
    return (long) NTABLES * TABLE_SIZE * 8 + MAXHIST + 2 * 32;
  }
}
