package org.bpsim.report;

import java.util.List;

/** Pads cells into aligned columns for terminal output. */
public final class Tables {
  private Tables() {
  }

  /**
   * Aligns {@code rows} (the first is the header) with two spaces between columns and a rule
   * under the header; columns flagged in {@code rightAligned} are right-aligned (numbers).
   */
  public static String align(List<String[]> rows, boolean[] rightAligned) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(widths[c] - row[c].length());
        line.append(rightAligned[c] ? pad + row[c] : row[c] + pad);
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        int total = 0;
        for (int w : widths) {
          total += w;
        }
        out.append("-".repeat(total + 2 * (columns - 1))).append('\n');
      }
    }
    return out.toString();
  }
}
