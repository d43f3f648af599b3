package org.bpsim.report;

import java.util.List;
import java.util.Optional;
import org.bpsim.replay.RunResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** MPKI per trace, one bar per predictor in each trace's group: lower is better. */
final class MpkiChart {
  private MpkiChart() {
  }

  /** Empty when no trace has an instruction count, as MPKI is then undefined. */
  static Optional<ReportChart> of(Comparison comparison) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    List<String> traces = comparison.traces();
    int shown = 0;
    for (String trace : traces) {
      boolean any = false;
      for (String predictor : comparison.predictors()) {
        Optional<RunResult> r = comparison.result(trace, predictor);
        if (r.isPresent() && r.get().hasMpki()) {
          dataset.addValue(r.get().mpki(), predictor, trace);
          any = true;
        }
      }
      shown += any ? 1 : 0;
    }
    if (shown == 0) {
      return Optional.empty();
    }
    int width = ChartWidth.PAGE_COLUMN;
    JFreeChart chart = barChart("Mispredictions per kilo-instruction (MPKI)", "MPKI", dataset,
        width);
    String caption = "MPKI per trace and predictor; lower is better."
        + (shown < traces.size() ? " Traces without instruction counts have no MPKI and are "
            + "left out." : "");
    return Optional.of(new ReportChart("mpki", caption, chart, width, 440));
  }

  static JFreeChart barChart(String title, String valueLabel, DefaultCategoryDataset dataset,
      int width) {
    return categoryChart(title, valueLabel, dataset, width, new BarRenderer(), 0.04);
  }

  /**
   * A category chart in the report's style: flat bars of at most {@code maxBarWidth} of the axis,
   * category labels wrapped when they fit and slanted when they do not, fixed-locale ticks.
   */
  static JFreeChart categoryChart(String title, String valueLabel,
      DefaultCategoryDataset dataset, int width, BarRenderer renderer, double maxBarWidth) {
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT,
        new CategoryPlot(dataset, new org.jfree.chart.axis.CategoryAxis(null),
            new org.jfree.chart.axis.NumberAxis(valueLabel), renderer), true);
    CategoryPlot plot = (CategoryPlot) chart.getPlot();
    plot.setOrientation(PlotOrientation.VERTICAL);
    ChartStyle.apply(chart);
    ChartStyle.flatBars(renderer);
    renderer.setMaximumBarWidth(maxBarWidth);
    if (ChartWidth.labelsFit(dataset, width)) {
      plot.getDomainAxis().setMaximumCategoryLabelLines(2);
    } else {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
      plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(4f);
    }
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(true);
    ChartStyle.rootLocaleTicks(plot.getRangeAxis(), "#,##0.##");
    return chart;
  }
}
