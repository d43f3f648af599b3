package org.bpsim.predictor.common;

import java.util.Arrays;

/**
 * A global history register and its folded (compressed) views: Seznec's {@code folded_history}
 * (Michaud's cyclic shift registers, PPM-like predictor, CBP-1), kept for all the folds of one
 * history together. TAGE indexes and tags its tables with them, the hashed perceptron its weight
 * tables.
 *
 * <p>A fold of length L into C bits holds the XOR of every bit of age {@code a < L} placed at bit
 * {@code a mod C}. It is kept up to date in a few operations per new bit: rotate by one, add the
 * new bit at position 0, remove the bit that just reached age L at position {@code L mod C}.
 * Several bits pushed together are folded in one step, which gives the same value because the
 * fold is linear and the shift is a rotation.
 */
public final class FoldedHistory {
  /** Bit {@code i} of the history with the seven older bits above it: an 8-bit window. */
  private final byte[] windows;
  private final int bufferMask;
  /** Index of the newest bit; the register grows towards lower indexes. */
  private int head;

  private int[] original = new int[0];
  private int[] compressed = new int[0];
  private int[] outPoint = new int[0];
  private int[] folded = new int[0];
  private int folds;
  /** Per fold, {@code 2^width - 1}. The per-fold arrays are separate so the update vectorizes. */
  private int[] widthMask = new int[0];
  /**
   * Per fold, the multipliers that stand for its per-fold shifts: {@code 2^outPoint} and
   * {@code 2^(24 - width)}. The JIT vectorizes a loop of multiplications by per-lane constants,
   * but not one of shifts by per-lane amounts, so the usual catch-up multiplies.
   */
  private int[] outMultiplier = new int[0];
  private int[] wrapMultiplier = new int[0];
  /** Scratch: per fold, the bits that left its window since the last catch-up. */
  private int[] leaving = new int[0];
  /** Width of the narrowest fold: a catch-up of at most this many bits needs a single wrap. */
  private int narrowest = Integer.MAX_VALUE;
  /** Width of the widest fold: a single wrap also needs the shifted fold to fit in an int. */
  private int widest;
  /** Bits pushed but not yet folded; at most {@link #MAX_BATCH}. */
  private int pending;
  /** How many bits one catch-up can fold: the window size. */
  private static final int MAX_BATCH = 8;
  /**
   * {@code c >>> width} is computed as {@code (c * 2^(24 - width)) >>> 24}: exact while c, at most
   * {@code width + MAX_BATCH} bits wide, times the multiplier stays within 32 bits.
   */
  private static final int WRAP_SHIFT = 24;

  /** A history able to serve folds of up to {@code maxLength} bits. */
  public FoldedHistory(int maxLength) {
    int size = Integer.highestOneBit(Math.max(16, maxLength + 8) - 1) << 1;
    this.windows = new byte[size];
    this.bufferMask = size - 1;
  }

  /**
   * Registers a fold of the last {@code length} bits into {@code width} bits and returns its
   * handle: handles are 0, 1, 2... in the order of registration, so that a caller can lay out
   * the folds it reads together next to each other.
   */
  public int addFold(int length, int width) {
    // a fold shifted by a whole batch must still fit in an int
    if (width < 1 || width > Integer.SIZE - MAX_BATCH) {
      throw new IllegalArgumentException("fold width must be 1.." + (Integer.SIZE - MAX_BATCH)
          + ": " + width);
    }
    if (length < 0 || length + 4 > windows.length) {
      throw new IllegalArgumentException("fold length out of range: " + length);
    }
    catchUp();
    original = Arrays.copyOf(original, folds + 1);
    compressed = Arrays.copyOf(compressed, folds + 1);
    outPoint = Arrays.copyOf(outPoint, folds + 1);
    folded = Arrays.copyOf(folded, folds + 1);
    original[folds] = length;
    compressed[folds] = width;
    outPoint[folds] = length % width;
    folded[folds] = 0;
    widthMask = Arrays.copyOf(widthMask, folds + 1);
    widthMask[folds] = (1 << width) - 1;
    outMultiplier = Arrays.copyOf(outMultiplier, folds + 1);
    outMultiplier[folds] = 1 << outPoint[folds];
    wrapMultiplier = Arrays.copyOf(wrapMultiplier, folds + 1);
    wrapMultiplier[folds] = width <= WRAP_SHIFT ? 1 << (WRAP_SHIFT - width) : 0;
    leaving = new int[folds + 1];
    narrowest = Math.min(narrowest, width);
    widest = Math.max(widest, width);
    return folds++;
  }

  /**
   * Every fold brought up to date, indexed by handle: the array stays valid (and is updated in
   * place) until the next push. Lets a lookup read many folds without a check per read.
   */
  public int[] currentFolds() {
    if (pending != 0) {
      catchUp();
    }
    return folded;
  }

  /** The current value of fold {@code handle}. */
  public int fold(int handle) {
    if (pending != 0) {
      catchUp();
    }
    return folded[handle];
  }

  /** The history bit of age {@code age} (0 = newest). */
  public int bit(int age) {
    return windows[(head + age) & bufferMask] & 1;
  }

  /**
   * Shifts in {@code count} (1..3) bits; bit 0 of {@code newBits} enters first, so it ends up
   * the oldest of the group. The folds catch up lazily, several pushes at a time.
   */
  public void push(int newBits, int count) {
    if (pending + count > MAX_BATCH) {
      catchUp();
    }
    byte[] w = windows;
    int mask = bufferMask;
    int top = head;
    for (int j = 0; j < count; j++) {
      top--;
      w[top & mask] = (byte) (((newBits >>> j) & 1) | (w[(top + 1) & mask] << 1));
    }
    head = top;
    pending += count;
  }

  /** Brings every fold up to date with the bits pushed since the last catch-up. */
  private void catchUp() {
    int count = pending;
    if (count == 0) {
      return;
    }
    pending = 0;
    byte[] w = windows;
    int mask = bufferMask;
    int top = head;
    int groupMask = (1 << count) - 1;
    // the new bits as a group, first-pushed highest, read from the newest window
    int in = w[top & mask] & groupMask;
    int[] values = folded;
    int[] lengths = original;
    int[] widths = compressed;
    int[] outs = outPoint;
    int[] masks = widthMask;
    int[] left = leaving;
    int n = folds;
    // the bits that left each fold's window meanwhile, in the same order, read in one go
    for (int f = 0; f < n; f++) {
      left[f] = w[(top + lengths[f]) & mask] & groupMask;
    }
    if (count <= narrowest && widest <= WRAP_SHIFT) {
      // the usual case: no more bits came in than the fold is wide, so the bits shifted past the
      // top wrap around to the bottom in one go; shifts by per-fold amounts are multiplications
      // here, so that the JIT vectorizes the loop
      int[] outTimes = outMultiplier;
      int[] wrapTimes = wrapMultiplier;
      for (int f = 0; f < n; f++) {
        int c = (values[f] << count) ^ in ^ (left[f] * outTimes[f]);
        values[f] = (c & masks[f]) ^ ((c * wrapTimes[f]) >>> WRAP_SHIFT);
      }
      return;
    }
    for (int f = 0; f < n; f++) {
      int width = widths[f];
      int m = masks[f];
      int c = (values[f] << count) ^ in ^ (left[f] << outs[f]);
      // bits shifted past the top wrap around to the bottom: twice is enough from 4 bits wide
      c = (c & m) ^ (c >>> width);
      c = (c & m) ^ (c >>> width);
      while (c > m) {
        c = (c & m) ^ (c >>> width);
      }
      values[f] = c;
    }
  }

  /**
   * Exchanges the folds, brought up to date, with {@code saved} (one value per fold, by handle):
   * a staged predictor keeps the folds a prediction read at fetch and exchanges them in to look
   * the branch up again at execute, then exchanges them back. Twice in a row it changes nothing.
   * Only the folds move, not the bits, so between the two exchanges the history is good for
   * reading folds, not for pushing.
   */
  public void exchangeFolds(int[] saved) {
    if (saved.length != folds) {
      throw new IllegalArgumentException("saved folds: " + saved.length + ", folds: " + folds);
    }
    if (pending != 0) {
      catchUp();
    }
    int[] values = folded;
    for (int f = 0; f < folds; f++) {
      int v = values[f];
      values[f] = saved[f];
      saved[f] = v;
    }
  }

  /** Number of distinct folds kept. */
  public int foldCount() {
    return folds;
  }
}
