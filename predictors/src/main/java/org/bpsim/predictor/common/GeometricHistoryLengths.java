package org.bpsim.predictor.common;

/**
 * History lengths in a geometric series, the heart of O-GEHL and TAGE (2006):
 * {@code L(i) = Lmin * (Lmax / Lmin)^(i / (n - 1))}, rounded to the nearest integer, so that short
 * correlations get many tables and the longest ones still one.
 */
public final class GeometricHistoryLengths {
  private GeometricHistoryLengths() {
  }

  /**
   * {@code count} lengths, index 0 the shortest and the last exactly {@code longest}. Rounding may
   * give two equal neighbours when the range is narrow; TAGE's tables accept that.
   */
  public static int[] of(int count, int shortest, int longest) {
    if (count < 1 || shortest < 1 || longest < shortest) {
      throw new IllegalArgumentException("need count >= 1 and 1 <= shortest <= longest");
    }
    int[] lengths = new int[count];
    lengths[0] = shortest;
    for (int i = 1; i < count; i++) {
      double ratio = (double) longest / shortest;
      lengths[i] = (int) (shortest * Math.pow(ratio, (double) i / (count - 1)) + 0.5);
    }
    lengths[count - 1] = longest;
    return lengths;
  }

  /**
   * {@link #of} with each length raised to at least one more than the one before it: two tables of
   * one length would only duplicate each other in a sum of weights (the hashed perceptron). The
   * last term of the series rounds to {@code longest} anyway ({@code pow(x, 1.0)} is {@code x}),
   * so pinning it changes nothing there.
   */
  public static int[] strictlyIncreasing(int count, int shortest, int longest) {
    int[] lengths = of(count, shortest, longest);
    for (int i = 1; i < count; i++) {
      lengths[i] = Math.max(lengths[i], lengths[i - 1] + 1);
    }
    return lengths;
  }
}
