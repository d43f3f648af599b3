package org.bpsim.report;

import java.util.Optional;
import org.bpsim.replay.RunResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Prediction accuracy per trace, grouped by trace. The axis starts near the worst accuracy
 * rather than at 0, since predictors differ in the last few percent.
 */
final class AccuracyChart {
  private AccuracyChart() {
  }

  static ReportChart of(Comparison comparison) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    double lowest = 100;
    for (String trace : comparison.traces()) {
      for (String predictor : comparison.predictors()) {
        Optional<RunResult> r = comparison.result(trace, predictor);
        if (r.isPresent() && r.get().counted()) {
          double percent = 100 * r.get().accuracy();
          dataset.addValue(percent, predictor, trace);
          lowest = Math.min(lowest, percent);
        }
      }
    }
    int width = ChartWidth.PAGE_COLUMN;
    JFreeChart chart = MpkiChart.barChart("Prediction accuracy", "accuracy (%)", dataset, width);
    CategoryPlot plot = (CategoryPlot) chart.getPlot();
    double floor = Math.max(0, Math.floor((lowest - 2) / 5) * 5);
    plot.getRangeAxis().setRange(floor, 100);
    return new ReportChart("accuracy",
        "Correctly predicted conditional branches per trace; higher is better (the axis starts at "
            + Numbers.fixed(floor, 0) + "%).",
        chart, width, 440);
  }
}
