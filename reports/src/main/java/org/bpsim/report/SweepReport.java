package org.bpsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bpsim.replay.RunResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * What a sweep adds to a report folder: mean MPKI against storage for every configuration with
 * its Pareto frontier (drawn and listed), and for each grid key MPKI against the key's value with
 * the other keys fixed at each of their values. Mean MPKI is over the traces on which every
 * configuration completed with an instruction count, so that all points average the same work.
 *
 * <p>Files: {@code sweep.html} (self-contained, inline SVG), {@code sweep.md}, {@code pareto.svg}
 * and one {@code grid-NAME-KEY.svg} per grid key.
 */
public final class SweepReport {
  public static final String PAGE = "sweep.html";
  public static final String MARKDOWN = "sweep.md";

  /** One configuration of the sweep: its canonical spec and, from a grid, its key values. */
  public record Configuration(String predictor, String grid, Map<String, String> keys) {
  }

  /**
   * A configuration's point: storage ({@link RunResult#UNKNOWN_STORAGE} when the predictor
   * cannot say it) and mean MPKI over the common traces.
   */
  public record Point(Configuration configuration, long storageBits, double meanMpki) {
    public boolean storageKnown() {
      return RunResult.storageKnown(storageBits);
    }
  }

  private SweepReport() {
  }

  /** The traces on which every configuration has a successful row with an MPKI. */
  public static List<String> commonTraces(List<RunResult> rows, List<Configuration> configs) {
    Map<String, Set<String>> byTrace = new LinkedHashMap<>();
    for (RunResult r : rows) {
      byTrace.computeIfAbsent(r.trace(), t -> new LinkedHashSet<>());
      if (!r.failed() && r.hasMpki()) {
        byTrace.get(r.trace()).add(r.predictor());
      }
    }
    List<String> common = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : byTrace.entrySet()) {
      boolean all = true;
      for (Configuration c : configs) {
        all &= e.getValue().contains(c.predictor());
      }
      if (all) {
        common.add(e.getKey());
      }
    }
    return common;
  }

  /** Each configuration's point, in configuration order; empty when no trace is common. */
  public static List<Point> points(List<RunResult> rows, List<Configuration> configs) {
    Set<String> common = new LinkedHashSet<>(commonTraces(rows, configs));
    List<Point> points = new ArrayList<>();
    if (common.isEmpty()) {
      return points;
    }
    for (Configuration c : configs) {
      double sum = 0;
      long storage = 0;
      for (RunResult r : rows) {
        if (r.predictor().equals(c.predictor()) && common.contains(r.trace())) {
          sum += r.mpki();
          storage = storage == RunResult.UNKNOWN_STORAGE || !r.storageKnown()
              ? RunResult.UNKNOWN_STORAGE : r.storageBits();
        }
      }
      points.add(new Point(c, storage, sum / common.size()));
    }
    return points;
  }

  /**
   * The points no other point beats: none has both at most its storage and at most its MPKI
   * with one of them strictly less. Ordered by storage. Points of unknown storage have no place
   * on the storage axis and are left out.
   */
  public static List<Point> pareto(List<Point> points) {
    points = known(points);
    List<Point> frontier = new ArrayList<>();
    for (Point p : points) {
      boolean dominated = false;
      for (Point q : points) {
        if (q != p && q.storageBits() <= p.storageBits() && q.meanMpki() <= p.meanMpki()
            && (q.storageBits() < p.storageBits() || q.meanMpki() < p.meanMpki())) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        frontier.add(p);
      }
    }
    frontier.sort(java.util.Comparator.comparingLong(Point::storageBits)
        .thenComparingDouble(Point::meanMpki));
    return frontier;
  }

  private static List<Point> known(List<Point> points) {
    return points.stream().filter(Point::storageKnown).toList();
  }

  /** The note naming the configurations left out of the frontier and its chart, or "". */
  static String leftOut(List<Point> points) {
    List<String> unknown = points.stream().filter(p -> !p.storageKnown())
        .map(p -> p.configuration().predictor()).toList();
    return StorageChart.leftOut(unknown);
  }

  /** The sweep's files, by name, to add to the report folder. */
  public static Map<String, String> files(List<RunResult> rows, List<Configuration> configs) {
    List<String> common = commonTraces(rows, configs);
    List<Point> points = points(rows, configs);
    List<Point> frontier = pareto(points);
    List<ReportChart> charts = new ArrayList<>();
    if (!points.isEmpty()) {
      charts.add(paretoChart(points, frontier));
      charts.addAll(keyCharts(points));
    }
    Map<String, String> files = new LinkedHashMap<>();
    StringBuilder md = new StringBuilder("# Sweep\n\n");
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><title>bpsim sweep</title><style>body{font-family:sans-serif;"
        + "max-width:1180px;margin:2em auto;color:#222}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}"
        + "td:first-child,th:first-child{text-align:left}</style></head><body>\n"
        + "<h1>Sweep</h1>\n<p><a href=\"index.html\">The comparison report</a> has every row."
        + "</p>\n");
    String over = String.format(Locale.ROOT, "Mean MPKI over the %d trace(s) that every one of "
        + "the %d configurations completed: %s.", common.size(), configs.size(),
        common.isEmpty() ? "none" : String.join(", ", common));
    md.append(over).append("\n\n");
    html.append("<p>").append(Html.escape(over)).append("</p>\n");
    if (points.isEmpty()) {
      md.append("No trace is common to every configuration with an instruction count: "
          + "no MPKI figures.\n");
      html.append("<p>No trace is common to every configuration with an instruction count: "
          + "no MPKI figures.</p>\n");
    } else {
      md.append("## Pareto frontier (storage against mean MPKI)\n\n"
          + "| predictor | storage (KB) | mean MPKI |\n|---|---:|---:|\n");
      html.append("<h2>Pareto frontier</h2>\n<table><tr><th>predictor</th><th>storage (KB)</th>"
          + "<th>mean MPKI</th></tr>\n");
      for (Point p : frontier) {
        md.append("| ").append(p.configuration().predictor()).append(" | ")
            .append(kb(p.storageBits())).append(" | ").append(mpki(p.meanMpki())).append(" |\n");
        html.append("<tr><td>").append(Html.escape(p.configuration().predictor()))
            .append("</td><td>").append(kb(p.storageBits())).append("</td><td>")
            .append(mpki(p.meanMpki())).append("</td></tr>\n");
      }
      html.append("</table>\n");
      String note = leftOut(points).strip();
      if (!note.isEmpty()) {
        md.append('\n').append(note).append('\n');
        html.append("<p>").append(Html.escape(note)).append("</p>\n");
      }
      md.append("\n## Every configuration\n\n| predictor | storage (KB) | mean MPKI | on frontier |"
          + "\n|---|---:|---:|---|\n");
      for (Point p : points) {
        md.append("| ").append(p.configuration().predictor()).append(" | ")
            .append(kb(p.storageBits())).append(" | ").append(mpki(p.meanMpki())).append(" | ")
            .append(frontier.contains(p) ? "yes" : "").append(" |\n");
      }
      for (ReportChart chart : charts) {
        files.put(chart.fileName(), SvgRenderer.document(chart));
        html.append("<figure>").append(SvgRenderer.element(chart)).append("<figcaption>")
            .append(Html.escape(chart.caption())).append("</figcaption></figure>\n");
        md.append("\n![").append(chart.caption()).append("](").append(chart.fileName())
            .append(")\n");
      }
    }
    html.append("</body></html>\n");
    files.put(PAGE, html.toString());
    files.put(MARKDOWN, md.toString());
    return files;
  }

  private static ReportChart paretoChart(List<Point> points, List<Point> frontier) {
    XYSeries all = new XYSeries("configurations", false, true);
    for (Point p : known(points)) {
      all.add(p.storageBits() / 8192.0, p.meanMpki());
    }
    XYSeries line = new XYSeries("Pareto frontier", false, true);
    for (Point p : frontier) {
      line.add(p.storageBits() / 8192.0, p.meanMpki());
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    dataset.addSeries(all);
    dataset.addSeries(line);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesLinesVisible(0, false);
    renderer.setSeriesShapesVisible(0, true);
    renderer.setSeriesLinesVisible(1, true);
    renderer.setSeriesShapesVisible(1, true);
    NumberAxis storage = new NumberAxis("storage (KB, 1 KB = 1024 bytes)");
    ChartStyle.rootLocaleTicks(storage, "#,##0.##");
    NumberAxis mpki = new NumberAxis("mean MPKI");
    ChartStyle.rootLocaleTicks(mpki, "#,##0.##");
    JFreeChart chart = new JFreeChart("Mean MPKI against storage",
        JFreeChart.DEFAULT_TITLE_FONT, new XYPlot(dataset, storage, mpki, renderer), true);
    ChartStyle.apply(chart);
    return new ReportChart("pareto", "Mean MPKI of every configuration against its storage; "
        + "the line joins the Pareto frontier (no configuration is both smaller and better)."
        + leftOut(points), chart, ChartWidth.PAGE_COLUMN, 460);
  }

  /**
   * Per grid and key: one line per combination of the other keys' values, MPKI against the
   * key's value (numeric keys on a number axis, others by their position).
   */
  private static List<ReportChart> keyCharts(List<Point> points) {
    Map<String, List<Point>> byGrid = new LinkedHashMap<>();
    for (Point p : points) {
      if (p.configuration().grid() != null && !p.configuration().keys().isEmpty()) {
        byGrid.computeIfAbsent(p.configuration().grid(), g -> new ArrayList<>()).add(p);
      }
    }
    List<ReportChart> charts = new ArrayList<>();
    for (Map.Entry<String, List<Point>> grid : byGrid.entrySet()) {
      List<String> keys = new ArrayList<>(grid.getValue().get(0).configuration().keys().keySet());
      for (String key : keys) {
        List<String> values = new ArrayList<>();
        boolean numeric = true;
        for (Point p : grid.getValue()) {
          String v = p.configuration().keys().get(key);
          if (!values.contains(v)) {
            values.add(v);
          }
          numeric &= v != null && v.matches("-?\\d+");
        }
        if (values.size() < 2) {
          continue;
        }
        Map<String, XYSeries> lines = new LinkedHashMap<>();
        for (Point p : grid.getValue()) {
          StringBuilder others = new StringBuilder();
          for (String other : keys) {
            if (!other.equals(key)) {
              others.append(others.length() == 0 ? "" : ",").append(other).append('=')
                  .append(p.configuration().keys().get(other));
            }
          }
          String label = others.length() == 0 ? grid.getKey() : others.toString();
          String v = p.configuration().keys().get(key);
          lines.computeIfAbsent(label, l -> new XYSeries(l, false, true))
              .add(numeric ? Long.parseLong(v) : values.indexOf(v), p.meanMpki());
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        lines.values().forEach(dataset::addSeries);
        NumberAxis x = new NumberAxis(key + (numeric ? "" : " (" + String.join(", ", values)
            + ")"));
        x.setAutoRangeIncludesZero(false);
        ChartStyle.rootLocaleTicks(x, "#,##0.##");
        NumberAxis y = new NumberAxis("mean MPKI");
        ChartStyle.rootLocaleTicks(y, "#,##0.##");
        JFreeChart chart = new JFreeChart(grid.getKey() + ": mean MPKI against " + key,
            JFreeChart.DEFAULT_TITLE_FONT,
            new XYPlot(dataset, x, y, new XYLineAndShapeRenderer(true, true)), true);
        ChartStyle.apply(chart);
        String name = "grid-" + safe(grid.getKey()) + "-" + safe(key);
        charts.add(new ReportChart(name, grid.getKey() + ": mean MPKI against " + key
            + ", one line per value of the other keys.", chart, ChartWidth.PAGE_COLUMN, 420));
      }
    }
    return charts;
  }

  private static String safe(String text) {
    return text.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /** KB to two places, and the exact bits: neighbours of a grid often differ by a few bits. */
  private static String kb(long bits) {
    if (!RunResult.storageKnown(bits)) {
      return Numbers.UNKNOWN_STORAGE;
    }
    return String.format(Locale.ROOT, "%.2f (%,d bits)", bits / 8192.0, bits);
  }

  private static String mpki(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
