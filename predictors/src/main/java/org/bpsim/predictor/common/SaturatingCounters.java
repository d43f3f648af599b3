package org.bpsim.predictor.common;

import java.util.Arrays;

/**
 * Saturating counters: a table of n-bit unsigned counters, of which a counter in the upper half
 * predicts taken (bimodal, gshare, the tournament's tables, which differ only in how they index
 * it), and the arithmetic of one signed counter, Seznec's {@code ctrupdate}, for predictors that
 * keep their counters in arrays of their own (TAGE, the statistical corrector).
 */
public final class SaturatingCounters {
  private final byte[] counters;
  private final int max;
  private final int threshold;
  private final int bits;

  public SaturatingCounters(int entries, int bits, int initial) {
    if (bits < 1 || bits > 7) {
      throw new IllegalArgumentException("counter bits must be 1..7");
    }
    this.bits = bits;
    this.max = (1 << bits) - 1;
    this.threshold = 1 << (bits - 1);
    if (initial < 0 || initial > max) {
      throw new IllegalArgumentException("initial counter value outside 0.." + max);
    }
    this.counters = new byte[entries];
    Arrays.fill(counters, (byte) initial);
  }

  public boolean predict(int index) {
    return counters[index] >= threshold;
  }

  public void update(int index, boolean taken) {
    counters[index] = (byte) update(counters[index], taken, 0, max);
  }

  public int value(int index) {
    return counters[index];
  }

  public int size() {
    return counters.length;
  }

  public long storageBits() {
    return (long) counters.length * bits;
  }

  /** One step of a counter in {@code min..max} towards taken (up) or not taken (down). */
  public static int update(int ctr, boolean taken, int min, int max) {
    if (taken) {
      return ctr < max ? ctr + 1 : ctr;
    }
    return ctr > min ? ctr - 1 : ctr;
  }

  /** His {@code ctrupdate}: one step of a signed {@code nbits}-bit counter. */
  public static int ctrupdate(int ctr, boolean taken, int nbits) {
    return update(ctr, taken, signedMin(nbits), signedMax(nbits));
  }

  /** The largest value of a signed {@code nbits}-bit counter. */
  public static int signedMax(int nbits) {
    return (1 << (nbits - 1)) - 1;
  }

  /** The smallest value of a signed {@code nbits}-bit counter. */
  public static int signedMin(int nbits) {
    return -(1 << (nbits - 1));
  }

  /** {@code value} clamped to a signed {@code nbits}-bit counter's range. */
  public static int clampSigned(int value, int nbits) {
    return Math.max(signedMin(nbits), Math.min(signedMax(nbits), value));
  }
}
