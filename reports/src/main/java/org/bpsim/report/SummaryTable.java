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
    for (PredictorSummary s : comparison.summary()) {
      rows.add(new String[] {s.predictor(), Numbers.fixed(s.meanMpki(), 4),
          Numbers.percent(s.meanAccuracy(), 4), Numbers.kilobytes(s.storageBits()),
          Numbers.grouped(s.mispredictions()),
          s.predictor().equals(comparison.baseline()) ? "baseline"
              : Numbers.signedPercent(s.reductionVsBaseline(), 2)});
    }
    return Tables.align(rows, new boolean[] {false, true, true, true, true, true});
  }
}
