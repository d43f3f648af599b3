package org.bpsim.report;

/**
 * The text {@code bpsim diff-mispredictions} prints: per pair, "equal (n mispredictions)" or
 * where the lists part, both lines there and the counts; for folders, a closing tally.
 */
public final class ListComparisonText {
  private ListComparisonText() {
  }

  public static String render(ListComparison comparison) {
    StringBuilder out = new StringBuilder();
    int equal = 0;
    int differ = 0;
    int oneSided = 0;
    for (ListComparison.Entry entry : comparison.entries()) {
      ListComparison.Difference d = entry.difference();
      if (d == null) {
        out.append(entry.label()).append(": only in ").append(entry.onlyIn()).append('\n');
        oneSided++;
      } else if (d.equal()) {
        out.append(entry.label()).append(": equal (").append(d.commonLines())
            .append(d.commonLines() == 1 ? " misprediction)" : " mispredictions)").append('\n');
        equal++;
      } else {
        out.append(entry.label()).append(": differ from index ").append(d.firstIndex())
            .append(" (line ").append(d.firstLine()).append(")\n");
        out.append("  A: ").append(d.lineOfA()).append('\n');
        out.append("  B: ").append(d.lineOfB()).append('\n');
        out.append("  lines only in A: ").append(d.onlyInA()).append(", only in B: ")
            .append(d.onlyInB()).append(", in both: ").append(d.commonLines()).append('\n');
        differ++;
      }
    }
    if (comparison.folders()) {
      out.append(equal).append(" equal, ").append(differ).append(" different, ")
          .append(oneSided).append(" on one side only\n");
    }
    return out.toString();
  }
}
