package org.bpsim.report;

/**
 * How wide charts are drawn: exactly the page's column, so that every chart's text has the same
 * size on the page and the browser never scales it.
 */
final class ChartWidth {
  static final int PAGE_COLUMN = 1136;

  private ChartWidth() {
  }

  /**
   * Whether trace names fit under their groups side by side (in two lines at most); when not,
   * they are set at an angle. Estimated at 7.5 pixels a character, the width of the 12 px tick
   * font.
   */
  static boolean labelsFit(org.jfree.data.category.CategoryDataset dataset, int width) {
    int groups = Math.max(1, dataset.getColumnCount());
    double perGroup = (width - 100.0) / groups;
    int longest = 0;
    for (Object key : dataset.getColumnKeys()) {
      longest = Math.max(longest, key.toString().length());
    }
    return longest * 7.5 <= 2 * perGroup * 0.9;
  }
}
