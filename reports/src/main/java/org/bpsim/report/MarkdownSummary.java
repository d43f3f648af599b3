package org.bpsim.report;

import java.util.List;
import java.util.Optional;

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
    for (PredictorSummary s : comparison.summary()) {
      md.append("| `").append(cell(s.predictor())).append("` | ")
          .append(Numbers.fixed(s.meanMpki(), 4)).append(" | ")
          .append(Numbers.percent(s.meanAccuracy(), 4)).append(" | ")
          .append(Numbers.kilobytes(s.storageBits())).append(" | ")
          .append(s.predictor().equals(comparison.baseline()) ? "baseline"
              : Numbers.signedPercent(s.reductionVsBaseline(), 2))
          .append(" |\n");
    }
    List<String> predictors = comparison.predictors();
    md.append("\n## MPKI per trace\n\n| trace |");
    for (String predictor : predictors) {
      md.append(" `").append(cell(predictor)).append("` |");
    }
    md.append("\n|---|").append("---:|".repeat(predictors.size())).append('\n');
    for (String trace : comparison.traces()) {
      md.append("| ").append(cell(trace)).append(" |");
      for (String predictor : predictors) {
        Optional<RunResult> r = comparison.result(trace, predictor);
        md.append(' ').append(r.isEmpty() ? "" : r.get().hasMpki()
            ? Numbers.fixed(r.get().mpki(), 4) : "n/a").append(" |");
      }
      md.append('\n');
    }
    md.append("\n## Accuracy per trace\n\n| trace |");
    for (String predictor : predictors) {
      md.append(" `").append(cell(predictor)).append("` |");
    }
    md.append("\n|---|").append("---:|".repeat(predictors.size())).append('\n');
    for (String trace : comparison.traces()) {
      md.append("| ").append(cell(trace)).append(" |");
      for (String predictor : predictors) {
        Optional<RunResult> r = comparison.result(trace, predictor);
        md.append(' ').append(r.isEmpty() ? "" : Numbers.percent(r.get().accuracy(), 4))
            .append(" |");
      }
      md.append('\n');
    }
    return md.toString();
  }

  /** Pipes would end a Markdown cell and backticks a code span. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("`", "'").replace("\n", " ");
  }
}
