package org.bpsim.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a report folder, by name. {@code results.json} and {@code results.csv} depend on the
 * results alone, so that the same inputs give the same bytes; the date, the machine and the command
 * appear only in {@code index.html}.
 */
public final class ReportFiles {
  public static final String INDEX = "index.html";
  public static final String RESULTS_JSON = "results.json";
  public static final String RESULTS_CSV = "results.csv";
  public static final String SUMMARY = "summary.md";

  private ReportFiles() {
  }

  public static Map<String, String> of(Comparison comparison) {
    List<ReportChart> charts = ReportCharts.of(comparison);
    Map<String, String> inline = new LinkedHashMap<>();
    Map<String, String> files = new LinkedHashMap<>();
    for (ReportChart chart : charts) {
      inline.put(chart.name(), SvgRenderer.element(chart));
      files.put(chart.fileName(), SvgRenderer.document(chart));
    }
    files.put(INDEX, HtmlPage.render(comparison, charts, inline));
    files.put(RESULTS_JSON, ResultFormat.JSON.render(comparison.results()));
    files.put(RESULTS_CSV, ResultFormat.CSV.render(comparison.results()));
    files.put(SUMMARY, MarkdownSummary.render(comparison));
    if (!comparison.hardestBranches().isEmpty()) {
      files.put(BranchesJson.FILE_NAME, BranchesJson.render(comparison.hardestBranches()));
    }
    comparison.pipeline().ifPresent(
        p -> files.put(PipelineJson.FILE_NAME, PipelineJson.render(p)));
    return files;
  }
}
