package org.bpsim.report;

/** How wide a grouped bar chart is drawn: wide enough that every bar stays visible. */
final class BarWidth {
  private static final int MIN = 760;
  private static final int MAX = 1800;

  private BarWidth() {
  }

  static int of(int groups, int barsPerGroup) {
    int wanted = 120 + groups * (barsPerGroup * 16 + 36);
    return Math.max(MIN, Math.min(MAX, wanted));
  }
}
