package org.bpsim.report;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bpsim.replay.RunResult;

/** {@code summary.md}: the summary and per-trace tables as Markdown, to paste into a paper. */
public final class MarkdownSummary {
  private MarkdownSummary() {
  }

  public static String render(Comparison comparison) {
    StringBuilder md = new StringBuilder();
    md.append("# Branch predictor comparison\n\n")
        .append("Baseline: `").append(comparison.baseline()).append("`. Mean MPKI is the ")
        .append("arithmetic mean over traces with an instruction count; \"vs baseline\" is the ")
        .append("reduction in mispredictions summed over shared traces.\n\n")
        .append("| predictor | mean MPKI | mean accuracy | storage | vs baseline |\n")
        .append("|---|---:|---:|---:|---:|\n");
    List<PredictorSummary> apart = new java.util.ArrayList<>();
    for (PredictorSummary s : comparison.summary()) {
      if (!s.ranked()) {
        apart.add(s);
        continue;
      }
      md.append("| `").append(cell(s.predictor())).append("` | ")
          .append(Numbers.fixed(s.meanMpki(), 4)).append(" | ")
          .append(Numbers.percent(s.meanAccuracy(), 4)).append(" | ")
          .append(Numbers.kilobytes(s.storageBits())).append(" | ")
          .append(s.predictor().equals(comparison.baseline()) ? "baseline"
              : Numbers.signedPercent(s.reductionVsBaseline(), 2))
          .append(" |\n");
    }
    shared(md, comparison, apart);
    failures(md, comparison);
    List<String> predictors = comparison.predictors();
    perTrace(md, comparison, "MPKI per trace",
        r -> r.hasMpki() ? Numbers.fixed(r.mpki(), 4) : "n/a");
    perTrace(md, comparison, "Accuracy per trace", r -> Numbers.percent(r.accuracy(), 4));
    comparison.pipeline().ifPresent(p -> pipeline(md, p));
    return md.toString();
  }

  /** A table of one figure per trace (rows) and predictor (columns); blank where no result. */
  private static void perTrace(StringBuilder md, Comparison comparison, String title,
      Function<RunResult, String> figure) {
    List<String> predictors = comparison.predictors();
    md.append("\n## ").append(title).append("\n\n| trace |");
    for (String predictor : predictors) {
      md.append(" `").append(cell(predictor)).append("` |");
    }
    md.append("\n|---|").append("---:|".repeat(predictors.size())).append('\n');
    for (String trace : comparison.traces()) {
      md.append("| ").append(cell(trace)).append(" |");
      for (String predictor : predictors) {
        Optional<RunResult> r = comparison.result(trace, predictor);
        md.append(' ').append(r.map(figure).orElse("")).append(" |");
      }
      md.append('\n');
    }
  }

  /**
   * Which traces the means are over, and the predictors left out of the ranking because they
   * lack some of those traces (a mean over other traces does not compare).
   */
  private static void shared(StringBuilder md, Comparison comparison,
      List<PredictorSummary> apart) {
    List<String> shared = comparison.sharedTraces();
    if (shared.isEmpty()) {
      md.append("\nNo predictor ran on every trace, so none is ranked: means over different ")
          .append("traces do not compare.\n");
    } else {
      md.append("\nMeans are over the ").append(shared.size()).append(" trace")
          .append(shared.size() == 1 ? "" : "s").append(" that every ranked predictor ran on: ");
      for (int i = 0; i < shared.size(); i++) {
        md.append(i == 0 ? "" : ", ").append('`').append(cell(shared.get(i))).append('`');
      }
      md.append(".\n");
    }
    if (apart.isEmpty()) {
      return;
    }
    md.append("\nNot ranked (ran on fewer traces; their means are over their own traces):\n\n")
        .append("| predictor | traces | mean MPKI | mean accuracy |\n|---|---:|---:|---:|\n");
    for (PredictorSummary s : apart) {
      md.append("| `").append(cell(s.predictor())).append("` | ").append(s.traces())
          .append(shared.isEmpty() ? "" : " of " + shared.size()).append(" | ")
          .append(Numbers.fixed(s.meanMpki(), 4)).append(" | ")
          .append(Numbers.percent(s.meanAccuracy(), 4)).append(" |\n");
    }
  }

  /** Failed runs with their error and no number: they are left out of every table. */
  private static void failures(StringBuilder md, Comparison comparison) {
    if (comparison.failures().isEmpty()) {
      return;
    }
    md.append("\nFailed runs (left out of every figure):\n\n| trace | predictor | error |\n")
        .append("|---|---|---|\n");
    for (RunResult r : comparison.failures()) {
      md.append("| ").append(cell(r.trace())).append(" | `").append(cell(r.predictor()))
          .append("` | ").append(cell(r.failure())).append(" |\n");
    }
  }

  /** IPC and CPI stacks of the timing model, then shared versus private LLC per core. */
  private static void pipeline(StringBuilder md, PipelineFigures p) {
    md.append("\n## Pipeline model (machine `").append(cell(p.machine())).append("`)\n\n");
    if (p.singleCore().isEmpty()) {
      md.append("No trace carries the instruction stream.\n");
      return;
    }
    List<String> causes = p.causes();
    md.append("| trace | predictor | IPC |");
    for (String cause : causes) {
      md.append(' ').append(cell(cause)).append(" |");
    }
    md.append("\n|---|---|---:|").append("---:|".repeat(causes.size())).append('\n');
    for (PipelineCoreFigures core : p.singleCore()) {
      md.append("| ").append(cell(core.trace())).append(" | `").append(cell(core.predictor()))
          .append("` | ").append(Numbers.fixed(core.ipc(), 4)).append(" |");
      for (String cause : causes) {
        Double part = core.cpiStack().get(cause);
        md.append(' ').append(part == null ? "" : Numbers.fixed(part, 4)).append(" |");
      }
      md.append('\n');
    }
    if (p.multiCore().isEmpty()) {
      return;
    }
    md.append("\n### IPC per core, ").append(p.multiCore().get(0).cores().size())
        .append(" cores together (predictor `").append(cell(p.multiCore().get(0).predictor()))
        .append("`)\n\n| core | trace |");
    for (MultiCoreFigures run : p.multiCore()) {
      md.append(" IPC ").append(run.llc()).append(" LLC | alone |");
    }
    md.append("\n|---:|---|").append("---:|---:|".repeat(p.multiCore().size())).append('\n');
    for (int i = 0; i < p.multiCore().get(0).cores().size(); i++) {
      md.append("| ").append(i).append(" | ")
          .append(cell(p.multiCore().get(0).cores().get(i).trace())).append(" |");
      for (MultiCoreFigures run : p.multiCore()) {
        md.append(' ').append(Numbers.fixed(run.cores().get(i).ipc(), 4)).append(" | ")
            .append(Numbers.fixed(run.ipcAlone().get(i), 4)).append(" |");
      }
      md.append('\n');
    }
    md.append("| | weighted speedup |");
    for (MultiCoreFigures run : p.multiCore()) {
      md.append(' ').append(Numbers.fixed(run.weightedSpeedup(), 4)).append(" | |");
    }
    md.append('\n');
  }

  /** Pipes would end a Markdown cell and backticks a code span. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("`", "'").replace("\n", " ");
  }
}
