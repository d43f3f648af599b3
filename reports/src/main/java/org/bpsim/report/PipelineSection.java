package org.bpsim.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The page's "Pipeline model" section: IPC and CPI stacks per trace and predictor, then the
 * multi-core runs with a shared and with private last-level caches.
 */
final class PipelineSection {
  private PipelineSection() {
  }

  static void render(StringBuilder h, PipelineFigures p, List<ReportChart> charts,
      Map<String, String> svgByChart) {
    h.append("<section id=\"pipeline\">\n<h2>Pipeline model</h2>\n<p class=\"note\">The ")
        .append("interval timing model of <code>bpsim simulate</code> on machine <code>")
        .append(Html.escape(p.machine())).append("</code>: every predictor on every trace ")
        .append("that carries the instruction stream, one core per run.");
    if (!p.skipped().isEmpty()) {
      h.append(" Not run (no instruction stream): ");
      for (int i = 0; i < p.skipped().size(); i++) {
        h.append(i == 0 ? "" : ", ").append(Html.escape(p.skipped().get(i)));
      }
      h.append('.');
    }
    h.append("</p>\n");
    if (p.singleCore().isEmpty()) {
      h.append("<p class=\"note\">No trace here carries the instruction stream (CBP-2025 or ")
          .append("ChampSim traces do).</p>\n</section>\n");
      return;
    }
    ipcTable(h, p);
    chart(h, charts, svgByChart, PipelineCharts.IPC);
    cpiTable(h, p);
    chart(h, charts, svgByChart, PipelineCharts.CPI_STACK);
    byTypeTable(h, p);
    if (!p.multiCore().isEmpty()) {
      multiCore(h, p);
      chart(h, charts, svgByChart, PipelineCharts.LLC);
    }
    h.append("</section>\n");
  }

  private static void chart(StringBuilder h, List<ReportChart> charts,
      Map<String, String> svgByChart, String name) {
    charts.stream().filter(c -> c.name().equals(name)).findFirst()
        .ifPresent(c -> HtmlPage.figure(h, c, svgByChart));
  }

  private static void ipcTable(StringBuilder h, PipelineFigures p) {
    List<String> predictors = p.predictors();
    h.append("<h3>IPC</h3>\n<table>\n<thead><tr><th>trace</th>");
    for (int i = 0; i < predictors.size(); i++) {
      h.append("<th class=\"n spec\">").append(HtmlPage.swatch(i)).append("<code>")
          .append(Html.escape(predictors.get(i))).append("</code></th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (String trace : p.traces()) {
      h.append("<tr><td>").append(Html.escape(trace)).append("</td>");
      for (String predictor : predictors) {
        Optional<PipelineCoreFigures> core = p.singleCore(trace, predictor);
        h.append(HtmlPage.numberCell(core.isPresent() ? Numbers.fixed(core.get().ipc(), 4) : ""));
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void cpiTable(StringBuilder h, PipelineFigures p) {
    List<String> causes = p.causes();
    List<String> predictors = p.predictors();
    h.append("<h3>CPI stacks</h3>\n<p class=\"note\">Cycles per instruction by cause: base ")
        .append("(the dispatch width), branch mispredictions, instruction-cache misses, loads ")
        .append("served by each data level beyond the L1D, and memory. They add up to the CPI.")
        .append("</p>\n<table>\n<thead><tr><th>trace</th><th>predictor</th>")
        .append("<th class=\"n\">instructions</th><th class=\"n\">cycles</th>")
        .append("<th class=\"n\">IPC</th>");
    for (String cause : causes) {
      h.append("<th class=\"n\">").append(Html.escape(cause)).append("</th>");
    }
    h.append("<th class=\"n\">CPI</th></tr></thead>\n<tbody>\n");
    for (PipelineCoreFigures core : p.singleCore()) {
      h.append("<tr><td>").append(Html.escape(core.trace())).append("</td><td>")
          .append("P").append(predictors.indexOf(core.predictor()) + 1).append(" <code>")
          .append(Html.escape(core.predictor())).append("</code></td>")
          .append(HtmlPage.numberCell(Numbers.grouped(core.instructions())))
          .append(HtmlPage.numberCell(Numbers.grouped(core.cycles())))
          .append(HtmlPage.numberCell(Numbers.fixed(core.ipc(), 4)));
      for (String cause : causes) {
        Double part = core.cpiStack().get(cause);
        h.append(HtmlPage.numberCell(part == null ? "" : Numbers.fixed(part, 4)));
      }
      h.append(HtmlPage.numberCell(Numbers.fixed(
          (double) core.cycles() / Math.max(1, core.instructions()), 4))).append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  /** Mispredictions by ChampSim's branch types, for rows that recorded them. */
  private static void byTypeTable(StringBuilder h, PipelineFigures p) {
    java.util.LinkedHashSet<String> types = new java.util.LinkedHashSet<>();
    p.singleCore().forEach(c -> types.addAll(c.mispredictionsByType().keySet()));
    if (types.isEmpty()) {
      return;
    }
    List<String> predictors = p.predictors();
    h.append("<h3>Mispredictions by branch type</h3>\n<p class=\"note\">ChampSim's six ")
        .append("branch types; a branch counts once when its direction or its target was wrong ")
        .append("(branches of no such type are left out).</p>\n<table>\n<thead><tr>")
        .append("<th>trace</th><th>predictor</th>");
    for (String type : types) {
      h.append("<th class=\"n\">").append(Html.escape(type)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (PipelineCoreFigures core : p.singleCore()) {
      h.append("<tr><td>").append(Html.escape(core.trace())).append("</td><td>")
          .append("P").append(predictors.indexOf(core.predictor()) + 1).append(" <code>")
          .append(Html.escape(core.predictor())).append("</code></td>");
      for (String type : types) {
        Long count = core.mispredictionsByType().get(type);
        h.append(HtmlPage.numberCell(count == null ? "" : Numbers.grouped(count)));
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void multiCore(StringBuilder h, PipelineFigures p) {
    List<MultiCoreFigures> runs = p.multiCore();
    MultiCoreFigures first = runs.get(0);
    h.append("<h3>Shared versus private last-level cache, ").append(first.cores().size())
        .append(" cores</h3>\n<p class=\"note\">One trace per core, advanced together in ")
        .append("simulated time, predictor <code>").append(Html.escape(first.predictor()))
        .append("</code>. A private LLC is the configured size divided by the number of cores. ")
        .append("IPC alone: the trace on one core of the same machine in the same mode ")
        .append("(private: with the LLC share of size / cores). Weighted speedup = &Sigma; IPC / ")
        .append("IPC alone, so each mode is measured against its own alone runs; the IPC columns ")
        .append("compare the two LLCs directly.</p>\n")
        .append("<table>\n<thead><tr><th>core</th><th>trace</th>");
    for (MultiCoreFigures run : runs) {
      h.append("<th class=\"n\">IPC ").append(Html.escape(run.llc())).append("</th>")
          .append("<th class=\"n\">IPC alone (").append(Html.escape(run.llc())).append(")</th>");
    }
    boolean both = runs.size() == 2;
    if (both) {
      h.append("<th class=\"n\">IPC ").append(Html.escape(runs.get(0).llc())).append(" &minus; ")
          .append(Html.escape(runs.get(1).llc())).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < first.cores().size(); i++) {
      h.append("<tr><td>").append(i).append("</td><td>")
          .append(Html.escape(first.cores().get(i).trace())).append("</td>");
      for (MultiCoreFigures run : runs) {
        h.append(HtmlPage.numberCell(Numbers.fixed(run.cores().get(i).ipc(), 4)))
            .append(HtmlPage.numberCell(Numbers.fixed(run.ipcAlone().get(i), 4)));
      }
      if (both) {
        h.append(HtmlPage.numberCell(signed(runs.get(0).cores().get(i).ipc()
            - runs.get(1).cores().get(i).ipc())));
      }
      h.append("</tr>\n");
    }
    h.append("<tr><td colspan=\"2\">weighted speedup</td>");
    for (MultiCoreFigures run : runs) {
      h.append(HtmlPage.numberCell(Numbers.fixed(run.weightedSpeedup(), 4))).append("<td></td>");
    }
    if (both) {
      h.append(HtmlPage.numberCell(signed(runs.get(0).weightedSpeedup()
          - runs.get(1).weightedSpeedup())));
    }
    h.append("</tr>\n</tbody>\n</table>\n");
  }

  private static String signed(double value) {
    return String.format(java.util.Locale.ROOT, "%+.4f", value);
  }
}
