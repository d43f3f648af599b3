package org.bpsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The timing model's charts: IPC per trace and predictor, the CPI stack of each, and, after a
 * multi-core run, each core's IPC with a shared and with private last-level caches.
 */
final class PipelineCharts {
  static final String IPC = "ipc";
  static final String CPI_STACK = "cpi-stack";
  static final String LLC = "llc-ipc";
  /** The names above: the page shows these charts in its pipeline section. */
  static final Set<String> NAMES = Set.of(IPC, CPI_STACK, LLC);

  private PipelineCharts() {
  }

  static List<ReportChart> of(PipelineFigures figures) {
    List<ReportChart> charts = new ArrayList<>();
    if (figures.singleCore().isEmpty()) {
      return charts;
    }
    charts.add(ipc(figures));
    charts.add(cpiStack(figures));
    if (!figures.multiCore().isEmpty()) {
      charts.add(llc(figures));
    }
    return charts;
  }

  private static ReportChart ipc(PipelineFigures figures) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (PipelineCoreFigures core : figures.singleCore()) {
      dataset.addValue(core.ipc(), core.predictor(), core.trace());
    }
    int width = ChartWidth.PAGE_COLUMN;
    JFreeChart chart = MpkiChart.barChart("Instructions per cycle (machine "
        + figures.machine() + ", one core)", "IPC", dataset, width);
    return new ReportChart(IPC, "IPC of each trace under each predictor on machine "
        + figures.machine() + ", one core per run; higher is better.", chart, width, 440);
  }

  /**
   * One stacked bar per (trace, predictor), a trace's bars side by side. Predictors are numbered
   * (P1, P2, ...) and spelled out in the caption: full specs under every bar would not fit.
   */
  private static ReportChart cpiStack(PipelineFigures figures) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    List<String> predictors = figures.predictors();
    List<String> causes = figures.causes();
    for (PipelineCoreFigures core : figures.singleCore()) {
      String bar = core.trace() + " P" + (predictors.indexOf(core.predictor()) + 1);
      for (String cause : causes) {
        dataset.addValue(core.cpiStack().getOrDefault(cause, 0.0), cause, bar);
      }
    }
    int width = ChartWidth.PAGE_COLUMN;
    JFreeChart chart = stackedBarChart("CPI stack (machine " + figures.machine() + ")",
        "cycles per instruction", dataset, width);
    StringBuilder legend = new StringBuilder();
    for (int i = 0; i < predictors.size(); i++) {
      legend.append(i == 0 ? "" : ", ").append('P').append(i + 1).append(" = ")
          .append(predictors.get(i));
    }
    return new ReportChart(CPI_STACK, "Cycles per instruction by cause, one bar per trace and "
        + "predictor (" + legend + "); the whole bar is 1 / IPC, lower is better.", chart,
        width, 480);
  }

  private static ReportChart llc(PipelineFigures figures) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    MultiCoreFigures first = figures.multiCore().get(0);
    for (MultiCoreFigures run : figures.multiCore()) {
      for (int i = 0; i < run.cores().size(); i++) {
        dataset.addValue(run.cores().get(i).ipc(), run.llc() + " LLC", coreLabel(i,
            run.cores().get(i).trace()));
      }
    }
    for (int i = 0; i < first.cores().size(); i++) {
      dataset.addValue(figures.singleCore(first.cores().get(i).trace(), first.predictor())
          .map(PipelineCoreFigures::ipc).orElse(first.ipcAlone().get(i)), "alone",
          coreLabel(i, first.cores().get(i).trace()));
    }
    int width = ChartWidth.PAGE_COLUMN;
    JFreeChart chart = MpkiChart.barChart("IPC per core, " + first.cores().size()
        + " cores together (machine " + figures.machine() + ")", "IPC", dataset, width);
    return new ReportChart(LLC, "IPC of each core running together with the others, with a "
        + "shared last-level cache and with private ones of size / cores, next to the trace "
        + "alone on one core with the whole LLC; predictor " + first.predictor() + ".", chart,
        width, 440);
  }

  static String coreLabel(int core, String trace) {
    return "core " + core + ": " + trace;
  }

  private static JFreeChart stackedBarChart(String title, String valueLabel,
      DefaultCategoryDataset dataset, int width) {
    return MpkiChart.categoryChart(title, valueLabel, dataset, width, new StackedBarRenderer(),
        0.06);
  }
}
