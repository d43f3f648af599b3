package org.bpsim.predictor.bimodal;

/**
 * A table of n-bit saturating counters; a counter in the upper half predicts taken. Shared by
 * the bimodal and gshare predictors, whose only difference is how they index it.
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
    java.util.Arrays.fill(counters, (byte) initial);
  }

  public boolean predict(int index) {
    return counters[index] >= threshold;
  }

  public void update(int index, boolean taken) {
    int value = counters[index];
    if (taken) {
      if (value < max) {
        counters[index] = (byte) (value + 1);
      }
    } else if (value > 0) {
      counters[index] = (byte) (value - 1);
    }
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
}
