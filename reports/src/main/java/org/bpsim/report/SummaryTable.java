package org.bpsim.report;

import java.util.ArrayList;
import java.util.List;

/** The summary as an aligned table for the terminal, printed at the end of a comparison. */
public final class SummaryTable {
  private SummaryTable() {
  }

  public static String render(Comparison comparison) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"predictor", "mean MPKI", "mean accuracy", "storage",
        "mispredictions", "vs baseline"});
    List<PredictorSummary> apart = new ArrayList<>();
    for (PredictorSummary s : comparison.summary()) {
      if (!s.ranked()) {
        apart.add(s);
        continue;
      }
      rows.add(new String[] {s.predictor(), Numbers.fixed(s.meanMpki(), 4),
          Numbers.percent(s.meanAccuracy(), 4), Numbers.kilobytes(s.storageBits()),
          Numbers.grouped(s.mispredictions()),
          s.predictor().equals(comparison.baseline()) ? "baseline"
              : Numbers.signedPercent(s.reductionVsBaseline(), 2)});
    }
    StringBuilder text = new StringBuilder(
        Tables.align(rows, new boolean[] {false, true, true, true, true, true}));
    int shared = comparison.sharedTraces().size();
    int all = comparison.traces().size();
    for (PredictorSummary s : apart) {
      text.append("not ranked: ").append(s.predictor()).append(" ran on ").append(s.traces())
          .append(" of the ").append(shared == 0 ? all : shared)
          .append(" traces the means are over\n");
    }
    return text.toString();
  }
}
