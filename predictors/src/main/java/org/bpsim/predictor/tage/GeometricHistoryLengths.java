package org.bpsim.predictor.tage;

/**
 * TAGE's history lengths: a geometric series from the shortest to the longest
 * (L(i) = Lmin * (Lmax / Lmin)^((i - 1) / (n - 1)), rounded), the heart of the 2006 design.
 */
public final class GeometricHistoryLengths {
  private GeometricHistoryLengths() {
  }

  /** {@code count} lengths, index 0 the shortest, rounded to the nearest integer. */
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
}
