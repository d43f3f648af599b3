package org.bpsim.predictor.hashedperceptron;

/**
 * History lengths in a geometric series, as in O-GEHL and TAGE: table 0 sees no history (a plain
 * per-address bias), and tables 1..M-1 see min * (max/min)^((i-1)/(M-2)) outcomes, rounded and
 * kept strictly increasing, so short correlations get many tables and long ones still one.
 */
final class GeometricHistoryLengths {
  private GeometricHistoryLengths() {
  }

  static int[] of(int tables, int minHistory, int maxHistory) {
    int[] lengths = new int[tables];
    for (int i = 1; i < tables; i++) {
      double ratio = tables == 2 ? 1.0 : (double) (i - 1) / (tables - 2);
      int length = (int) Math.round(minHistory
          * Math.pow((double) maxHistory / minHistory, ratio));
      lengths[i] = Math.max(length, lengths[i - 1] + 1);
    }
    return lengths;
  }
}
