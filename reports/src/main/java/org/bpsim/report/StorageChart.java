package org.bpsim.report;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Mean MPKI against storage, one point per predictor configuration: the trade-off a hardware
 * budget is about. Where no trace has an instruction count, the misprediction rate stands in.
 */
final class StorageChart {
  private StorageChart() {
  }

  static ReportChart of(Comparison comparison) {
    // Only ranked predictors: their means are over the same traces, so the points compare.
    List<PredictorSummary> summary = comparison.summary().stream()
        .filter(PredictorSummary::ranked).toList();
    if (summary.isEmpty()) {
      summary = comparison.summary();
    }
    // A predictor that cannot say its storage has no place on the axis: left out, and named.
    List<String> unknown = summary.stream().filter(s -> !s.storageKnown())
        .map(PredictorSummary::predictor).toList();
    summary = summary.stream().filter(PredictorSummary::storageKnown).toList();
    boolean mpki = summary.stream().allMatch(PredictorSummary::hasMpki);
    XYSeriesCollection dataset = new XYSeriesCollection();
    double smallest = summary.isEmpty() ? 1 : Double.MAX_VALUE;
    double largest = summary.isEmpty() ? 1 : 0;
    for (PredictorSummary s : summary) {
      XYSeries series = new XYSeries(s.predictor(), false, true);
      double kb = Math.max(s.storageKilobytes(), 1.0 / 1024);
      double y = mpki ? s.meanMpki() : 100 * (1 - s.meanAccuracy());
      if (!Double.isNaN(y)) {
        series.add(kb, y);
      }
      dataset.addSeries(series);
      smallest = Math.min(smallest, kb);
      largest = Math.max(largest, kb);
    }
    ValueAxis storage = storageAxis(smallest, largest);
    NumberAxis value = new NumberAxis(mpki ? "mean MPKI" : "mean misprediction rate (%)");
    value.setAutoRangeIncludesZero(true);
    ChartStyle.rootLocaleTicks(value, "#,##0.##");
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    XYPlot plot = new XYPlot(dataset, storage, value, renderer);
    JFreeChart chart = new JFreeChart(mpki ? "Mean MPKI against storage"
        : "Mean misprediction rate against storage", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    ChartStyle.apply(chart);
    for (int i = 0; i < dataset.getSeriesCount(); i++) {
      renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
    }
    return new ReportChart("storage", (mpki ? "Mean MPKI" : "Mean misprediction rate")
        + " of each predictor configuration against its storage; down and to the left is "
        + "better." + leftOut(unknown), chart, ChartWidth.PAGE_COLUMN, 460);
  }

  /** The note naming the configurations left out for an unknown storage, or "". */
  static String leftOut(List<String> unknown) {
    if (unknown.isEmpty()) {
      return "";
    }
    return " Left out, their storage being unknown (no storage_bits=): "
        + String.join(", ", unknown) + ".";
  }

  /** A log scale once budgets differ by more than a factor of 16, else a linear one. */
  private static ValueAxis storageAxis(double smallest, double largest) {
    String label = "storage (KB, 1 KB = 1024 bytes)";
    if (largest / smallest > 16) {
      LogAxis axis = new LogAxis(label);
      axis.setBase(2);
      axis.setTickUnit(new NumberTickUnit(1));
      axis.setSmallestValue(smallest / 2);
      axis.setRange(smallest / 1.5, largest * 1.5);
      ChartStyle.rootLocaleTicks(axis, "#,##0.###");
      return axis;
    }
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(true);
    axis.setUpperMargin(0.1);
    ChartStyle.rootLocaleTicks(axis, "#,##0.##");
    return axis;
  }
}
