package org.bpsim.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bpsim.replay.HardBranch;
import org.bpsim.replay.RunResult;
import org.bpsim.replay.TraceHardestBranches;

/**
 * {@code index.html}: the whole comparison on one self-contained page. It loads nothing (a
 * Content-Security-Policy forbids it), has no script, and carries its charts as inline SVG.
 */
public final class HtmlPage {
  private static final String STYLE = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;",
      "  margin:0;color:#222;background:#fafafa;line-height:1.45}",
      "main{max-width:1200px;margin:0 auto;padding:24px 32px;background:#fff}",
      "h1{margin:0 0 4px;font-size:1.7em}h2{margin-top:2em;border-bottom:2px solid #0072B2;",
      "  padding-bottom:4px}h3{margin:1.6em 0 .4em;font-size:1.1em;word-break:break-all}",
      ".lead{color:#555;margin:0 0 1em}nav a{margin-right:1em}",
      "table{border-collapse:collapse;margin:.5em 0 1em;font-size:.92em;display:block;",
      "  overflow-x:auto;max-width:100%}",
      "th,td{padding:4px 10px;border-bottom:1px solid #e4e4e4;text-align:left;",
      "  vertical-align:top}",
      "th{background:#f0f4f8;font-weight:600}th.spec{min-width:6em}",
      "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.n{white-space:nowrap}",
      "tr.baseline td{background:#fffbe6}.better{color:#00734f}.worse{color:#b3261e}",
      "figure{margin:1.5em 0}figure svg{max-width:100%;height:auto;display:block}",
      "figcaption{color:#555;font-size:.9em}",
      "code,pre{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:.9em}",
      "pre{background:#f4f4f4;padding:8px 12px;overflow-x:auto;white-space:pre-wrap;",
      "  word-break:break-all}",
      ".swatch{display:inline-block;width:.8em;height:.8em;margin-right:.4em;",
      "  border-radius:2px;vertical-align:baseline}",
      ".note{color:#666;font-size:.9em}");

  private HtmlPage() {
  }

  /** The page; {@code svgByChart} maps each chart's name to its inline SVG element. */
  public static String render(Comparison comparison, List<ReportChart> charts,
      Map<String, String> svgByChart) {
    StringBuilder h = new StringBuilder(64 * 1024);
    List<String> traces = comparison.traces();
    List<String> predictors = comparison.predictors();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>bpsim comparison: ").append(traces.size()).append(" trace")
        .append(traces.size() == 1 ? "" : "s").append(", ").append(predictors.size())
        .append(" predictor").append(predictors.size() == 1 ? "" : "s").append("</title>\n")
        .append("<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n<main>\n");
    h.append("<h1>Branch predictor comparison</h1>\n<p class=\"lead\">")
        .append(traces.size()).append(" trace(s) &times; ").append(predictors.size())
        .append(" predictor(s); baseline <code>").append(Html.escape(comparison.baseline()))
        .append("</code>; bpsim ").append(Html.escape(comparison.provenance().version()))
        .append(", ").append(Html.escape(comparison.provenance().date())).append("</p>\n");
    h.append("<nav><a href=\"#summary\">Summary</a><a href=\"#charts\">Charts</a>")
        .append("<a href=\"#traces\">Per trace</a>")
        .append(comparison.pipeline().isPresent() ? "<a href=\"#pipeline\">Pipeline model</a>"
            : "")
        .append("<a href=\"#hardest\">Hardest branches</a>")
        .append("<a href=\"#reproduce\">Reproduce</a></nav>\n");
    failures(h, comparison);
    summary(h, comparison);
    charts(h, charts, svgByChart);
    perTrace(h, comparison);
    comparison.pipeline().ifPresent(p -> PipelineSection.render(h, p, charts, svgByChart));
    hardest(h, comparison);
    reproduce(h, comparison.provenance());
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  /** Predictors that failed on some trace are named first, so no figure is misread. */
  private static void failures(StringBuilder h, Comparison comparison) {
    List<RunResult> failed = comparison.failures();
    if (failed.isEmpty()) {
      return;
    }
    h.append("<section id=\"failures\">\n<h2>Failed runs</h2>\n<p>These predictors failed on ")
        .append("these traces; they are left out of every figure below.</p>\n<table>\n")
        .append("<thead><tr><th>trace</th><th>predictor</th><th>error</th></tr></thead>\n<tbody>\n");
    for (RunResult r : failed) {
      h.append("<tr><td>").append(Html.escape(r.trace())).append("</td><td><code>")
          .append(Html.escape(r.predictor())).append("</code></td><td>")
          .append(Html.escape(r.failure())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</section>\n");
  }

  private static void summary(StringBuilder h, Comparison comparison) {
    h.append("<section id=\"summary\">\n<h2>Summary</h2>\n<table>\n<thead><tr><th>predictor</th>")
        .append("<th class=\"n\">mean MPKI</th><th class=\"n\">mean accuracy</th>")
        .append("<th class=\"n\">storage</th><th class=\"n\">mispredictions</th>")
        .append("<th class=\"n\">vs baseline</th><th class=\"n\">traces</th></tr></thead>\n")
        .append("<tbody>\n");
    List<PredictorSummary> rows = comparison.summary();
    List<PredictorSummary> apart = new java.util.ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      PredictorSummary s = rows.get(i);
      if (!s.ranked()) {
        apart.add(s);
        continue;
      }
      boolean baseline = s.predictor().equals(comparison.baseline());
      h.append(baseline ? "<tr class=\"baseline\">" : "<tr>").append("<td>").append(swatch(i))
          .append("<code>").append(Html.escape(s.predictor())).append("</code></td>")
          .append(numberCell(Numbers.fixed(s.meanMpki(), 4)))
          .append(numberCell(Numbers.percent(s.meanAccuracy(), 4)))
          .append(numberCell(Numbers.kilobytes(s.storageBits())))
          .append(numberCell(Numbers.grouped(s.mispredictions())))
          .append(baseline ? numberCell("baseline") : reductionCell(s.reductionVsBaseline()))
          .append(numberCell(Integer.toString(s.traces()))).append("</tr>\n");
    }
    long withCounts = comparison.traces().stream().filter(t -> comparison.results().stream()
        .anyMatch(r -> r.trace().equals(t) && r.hasMpki())).count();
    h.append("</tbody>\n</table>\n<p class=\"note\">Mean MPKI is the arithmetic mean of the ")
        .append("per-trace MPKI over the traces with an instruction count (")
        .append(withCounts).append(" of ").append(comparison.traces().size())
        .append(" here), as the Championship ")
        .append("Branch Prediction scores predictors. &ldquo;vs baseline&rdquo; is the reduction ")
        .append("in mispredictions summed over the traces both ran (positive: fewer than the ")
        .append("baseline).</p>\n");
    sharedTraces(h, comparison, apart);
    h.append("</section>\n");
  }

  /**
   * Says which traces the means are over, and shows apart the predictors that lack some of them:
   * a mean over other traces would not compare.
   */
  private static void sharedTraces(StringBuilder h, Comparison comparison,
      List<PredictorSummary> apart) {
    List<String> shared = comparison.sharedTraces();
    if (shared.isEmpty()) {
      h.append("<p class=\"note\">No predictor ran on every trace, so none is ranked: means ")
          .append("over different traces do not compare.</p>\n");
    } else {
      h.append("<p class=\"note\">Means are over the ").append(shared.size()).append(" trace")
          .append(shared.size() == 1 ? "" : "s").append(" that every ranked predictor ran on: ");
      for (int i = 0; i < shared.size(); i++) {
        h.append(i == 0 ? "" : ", ").append("<code>").append(Html.escape(shared.get(i)))
            .append("</code>");
      }
      h.append(".</p>\n");
    }
    if (apart.isEmpty()) {
      return;
    }
    h.append("<h3>Not ranked</h3>\n<p class=\"note\">These predictors ran on fewer traces; ")
        .append("their means are over their own traces and do not compare with the ranking.</p>")
        .append("\n<table>\n<thead><tr><th>predictor</th><th class=\"n\">traces</th>")
        .append("<th class=\"n\">mean MPKI</th><th class=\"n\">mean accuracy</th></tr></thead>\n")
        .append("<tbody>\n");
    for (PredictorSummary s : apart) {
      h.append("<tr><td><code>").append(Html.escape(s.predictor())).append("</code></td>")
          .append(numberCell(s.traces() + (shared.isEmpty() ? "" : " of " + shared.size())))
          .append(numberCell(Numbers.fixed(s.meanMpki(), 4)))
          .append(numberCell(Numbers.percent(s.meanAccuracy(), 4))).append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void charts(StringBuilder h, List<ReportChart> charts,
      Map<String, String> svgByChart) {
    h.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
    for (ReportChart chart : charts) {
      if (PipelineCharts.NAMES.contains(chart.name())) {
        continue;
      }
      figure(h, chart, svgByChart);
    }
    h.append("</section>\n");
  }

  static void figure(StringBuilder h, ReportChart chart, Map<String, String> svgByChart) {
    h.append("<figure>\n").append(svgByChart.get(chart.name())).append("\n<figcaption>")
        .append(Html.escape(chart.caption())).append(" (<a href=\"")
        .append(Html.escape(chart.fileName())).append("\">").append(Html.escape(chart.fileName()))
        .append("</a>)</figcaption>\n</figure>\n");
  }

  private static void perTrace(StringBuilder h, Comparison comparison) {
    h.append("<section id=\"traces\">\n<h2>Per trace</h2>\n");
    for (String trace : comparison.traces()) {
      Optional<RunResult> base = comparison.result(trace, comparison.baseline());
      RunResult any = comparison.results().stream().filter(r -> r.trace().equals(trace))
          .findFirst().orElseThrow();
      h.append("<h3>").append(Html.escape(trace)).append("</h3>\n<p class=\"note\">")
          .append(any.instructions().isPresent()
              ? Numbers.grouped(any.instructions().getAsLong()) + " instructions, "
              : "no instruction count, ")
          .append(Numbers.grouped(any.branches())).append(" branches, ")
          .append(Numbers.grouped(any.conditionalBranches())).append(" conditional</p>\n")
          .append("<table>\n<thead><tr><th>predictor</th><th class=\"n\">mispredictions</th>")
          .append("<th class=\"n\">accuracy</th><th class=\"n\">MPKI</th>")
          .append("<th class=\"n\">storage</th><th class=\"n\">vs baseline</th></tr></thead>\n")
          .append("<tbody>\n");
      for (String predictor : comparison.predictors()) {
        Optional<RunResult> found = comparison.result(trace, predictor);
        if (found.isEmpty()) {
          continue;
        }
        RunResult r = found.get();
        boolean baseline = predictor.equals(comparison.baseline());
        h.append(baseline ? "<tr class=\"baseline\">" : "<tr>").append("<td><code>")
            .append(Html.escape(predictor)).append("</code></td>")
            .append(numberCell(Numbers.grouped(r.mispredictions())))
            .append(numberCell(Numbers.percent(r.accuracy(), 4)))
            .append(numberCell(r.hasMpki() ? Numbers.fixed(r.mpki(), 4) : "n/a"))
            .append(numberCell(Numbers.kilobytes(r.storageBits())));
        if (baseline) {
          h.append(numberCell("baseline"));
        } else if (base.isPresent() && base.get().mispredictions() > 0) {
          h.append(reductionCell(1.0 - (double) r.mispredictions() / base.get().mispredictions()));
        } else {
          h.append(numberCell("n/a"));
        }
        h.append("</tr>\n");
      }
      h.append("</tbody>\n</table>\n");
    }
    h.append("</section>\n");
  }

  private static void hardest(StringBuilder h, Comparison comparison) {
    h.append("<section id=\"hardest\">\n<h2>Hardest branches</h2>\n");
    if (comparison.hardestBranches().isEmpty()) {
      h.append("<p class=\"note\">Not available: this report was rendered from results files ")
          .append("that carry no per-branch statistics.</p>\n</section>\n");
      return;
    }
    h.append("<p class=\"note\">Per trace, the static conditional branches the baseline ")
        .append("mispredicts most, with every predictor's mispredictions on them.</p>\n");
    for (TraceHardestBranches t : comparison.hardestBranches()) {
      long baselineTotal = comparison.result(t.trace(), t.baseline())
          .map(RunResult::mispredictions).orElse(0L);
      int baselineIndex = t.predictors().indexOf(t.baseline());
      h.append("<h3>").append(Html.escape(t.trace())).append("</h3>\n<p class=\"note\">")
          .append(Numbers.grouped(t.staticBranches()))
          .append(" static conditional branches; ranked by <code>")
          .append(Html.escape(t.baseline())).append("</code></p>\n");
      if (t.branches().isEmpty()) {
        h.append("<p class=\"note\">").append(baselineTotal == 0
            ? "The baseline mispredicted no branch." : "No branches listed (--top 0).")
            .append("</p>\n");
        continue;
      }
      h.append("<table>\n<thead><tr><th>#</th><th>pc</th><th class=\"n\">executions</th>")
          .append("<th class=\"n\">taken</th><th class=\"n\">share of baseline misses</th>");
      for (String predictor : t.predictors()) {
        h.append("<th class=\"n spec\"><code>").append(breakable(predictor))
            .append("</code></th>");
      }
      h.append("</tr></thead>\n<tbody>\n");
      int rank = 1;
      for (HardBranch b : t.branches()) {
        long baselineMisses = b.mispredictions().get(baselineIndex);
        h.append("<tr><td class=\"n\">").append(rank++).append("</td><td><code>")
            .append(Numbers.hex(b.pc())).append("</code></td>")
            .append(numberCell(Numbers.grouped(b.executions())))
            .append(numberCell(Numbers.percent(b.takenRate(), 1)))
            .append(numberCell(baselineTotal == 0 ? "n/a"
                : Numbers.percent((double) baselineMisses / baselineTotal, 2)));
        for (long misses : b.mispredictions()) {
          h.append(numberCell(Numbers.grouped(misses)));
        }
        h.append("</tr>\n");
      }
      h.append("</tbody>\n</table>\n");
    }
    h.append("</section>\n");
  }

  private static void reproduce(StringBuilder h, Provenance p) {
    h.append("<section id=\"reproduce\">\n<h2>Reproduce</h2>\n<pre>")
        .append(Html.escape(p.commandLine())).append("</pre>\n<table>\n")
        .append("<tr><th>bpsim</th><td>").append(Html.escape(p.version())).append("</td></tr>\n")
        .append("<tr><th>machine</th><td>").append(Html.escape(p.machine()))
        .append("</td></tr>\n<tr><th>date</th><td>").append(Html.escape(p.date()))
        .append("</td></tr>\n</table>\n<table>\n<thead><tr><th>input</th><th>SHA-256</th></tr>")
        .append("</thead>\n<tbody>\n");
    for (TraceChecksum c : p.checksums()) {
      h.append("<tr><td>").append(Html.escape(c.trace())).append("</td><td><code>")
          .append(Html.escape(c.sha256())).append("</code></td></tr>\n");
    }
    h.append("</tbody>\n</table>\n<p class=\"note\">Files in this folder: ")
        .append("<a href=\"results.json\">results.json</a>, ")
        .append("<a href=\"results.csv\">results.csv</a>, ")
        .append("<a href=\"summary.md\">summary.md</a>, the charts as SVG, and ")
        .append("<a href=\"branches.json\">branches.json</a> when per-branch statistics were ")
        .append("collected.</p>\n</section>\n");
  }

  static String swatch(int index) {
    java.awt.Color c = ChartStyle.PALETTE[index % ChartStyle.PALETTE.length];
    return String.format(java.util.Locale.ROOT,
        "<span class=\"swatch\" style=\"background:#%06x\"></span>", c.getRGB() & 0xFFFFFF);
  }

  /** A spec that may wrap after its ':' and ','s, so that wide tables fit the column. */
  private static String breakable(String spec) {
    return Html.escape(spec).replace(",", ",<wbr>").replace(":", ":<wbr>");
  }

  static String numberCell(String text) {
    return "<td class=\"n\">" + Html.escape(text) + "</td>";
  }

  private static String reductionCell(double reduction) {
    String css = Double.isNaN(reduction) || reduction == 0 ? ""
        : reduction > 0 ? " better" : " worse";
    return "<td class=\"n" + css + "\">" + Html.escape(Numbers.signedPercent(reduction, 2))
        + "</td>";
  }
}
