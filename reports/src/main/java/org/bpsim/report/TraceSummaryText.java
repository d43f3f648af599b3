package org.bpsim.report;

import java.util.Locale;
import org.bpsim.predictor.spi.BranchKind;

/** {@code bpsim info}'s text: one aligned line per figure, then an empty line. */
public final class TraceSummaryText {
  private TraceSummaryText() {
  }

  public static String render(TraceSummary s) {
    StringBuilder out = new StringBuilder();
    line(out, "trace:               %s%n", s.trace());
    line(out, "format:              %s%n", s.format());
    line(out, "compression:         %s%n", s.compression());
    if (s.instructions().isPresent()) {
      line(out, "instructions:        %,d%n", s.instructions().getAsLong());
    } else {
      line(out, "instructions:        not recorded in this format%n");
    }
    if (s.declaredInstructions().isPresent()) {
      line(out, "declared instr.:     %,d (stated by the format)%n",
          s.declaredInstructions().getAsLong());
    }
    line(out, "branches:            %,d%n", s.branches());
    for (BranchKind kind : BranchKind.values()) {
      long count = s.branchesByKind().get(kind.ordinal());
      if (count > 0) {
        line(out, "  %-18s %,d%n", kind.name().toLowerCase(Locale.ROOT) + ":", count);
      }
    }
    line(out, "distinct branch PCs: %,d%n", s.distinctPcs());
    long conditional = s.branchesByKind().get(BranchKind.CONDITIONAL.ordinal());
    line(out, "conditional taken:   %s%n", conditional == 0 ? "n/a"
        : String.format(Locale.ROOT, "%.4f", (double) s.conditionalTaken() / conditional));
    return out.append(System.lineSeparator()).toString();
  }

  private static void line(StringBuilder out, String format, Object... values) {
    out.append(String.format(Locale.ROOT, format, values));
  }
}
