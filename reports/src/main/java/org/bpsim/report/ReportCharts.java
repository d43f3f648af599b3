package org.bpsim.report;

import java.util.ArrayList;
import java.util.List;

/** The charts a comparison report shows, in page order (the timing model's last). */
public final class ReportCharts {
  private ReportCharts() {
  }

  public static List<ReportChart> of(Comparison comparison) {
    List<ReportChart> charts = new ArrayList<>();
    MpkiChart.of(comparison).ifPresent(charts::add);
    charts.add(AccuracyChart.of(comparison));
    charts.add(StorageChart.of(comparison));
    comparison.pipeline().ifPresent(p -> charts.addAll(PipelineCharts.of(p)));
    return charts;
  }
}
