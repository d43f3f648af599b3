package org.bpsim.report;

import java.util.List;

/**
 * What {@code bpsim diff-mispredictions} found: one entry per pair of misprediction lists (or per
 * list found on one side only), and whether two folders were compared.
 */
public record ListComparison(List<Entry> entries, boolean folders) {
  /**
   * How two lists compare. The lists part at line {@code firstLine} (1-based; 0 when equal),
   * whose index is {@code firstIndex}; {@code lineOfA}/{@code lineOfB} are the lines there, or
   * where a list ended.
   */
  public record Difference(long commonLines, long onlyInA, long onlyInB, long firstLine,
      long firstIndex, String lineOfA, String lineOfB) {
    public boolean equal() {
      return onlyInA == 0 && onlyInB == 0;
    }
  }

  /**
   * A pair under {@code label}: its {@code difference}, or null when the list is only in the
   * folder {@code onlyIn}.
   */
  public record Entry(String label, Difference difference, String onlyIn) {
    public boolean equal() {
      return difference != null && difference.equal();
    }
  }

  /** Whether every pair is equal and no list is on one side only. */
  public boolean allEqual() {
    return entries.stream().allMatch(Entry::equal);
  }
}
