package org.bpsim.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Where the pipeline timing model ran in a comparison: every predictor on every trace that carries
 * the instruction stream, one core each, and the multi-core runs of the first few of those traces
 * in each last-level-cache mode that was asked for.
 *
 * @param machine the machine configuration's name
 * @param singleCore one entry per (trace, predictor), traces and predictors in report order
 * @param multiCore one run per LLC mode (shared first); empty with fewer than two such traces
 * @param skipped traces the model could not run (no instruction stream), by report name
 */
public record PipelineFigures(String machine, List<PipelineCoreFigures> singleCore,
    List<MultiCoreFigures> multiCore, List<String> skipped) {

  public PipelineFigures {
    singleCore = List.copyOf(singleCore);
    multiCore = List.copyOf(multiCore);
    skipped = List.copyOf(skipped);
  }

  /** Traces with single-core figures, in order. */
  public List<String> traces() {
    LinkedHashSet<String> traces = new LinkedHashSet<>();
    singleCore.forEach(c -> traces.add(c.trace()));
    return new ArrayList<>(traces);
  }

  /** Predictors with single-core figures, in order. */
  public List<String> predictors() {
    LinkedHashSet<String> predictors = new LinkedHashSet<>();
    singleCore.forEach(c -> predictors.add(c.predictor()));
    return new ArrayList<>(predictors);
  }

  public Optional<PipelineCoreFigures> singleCore(String trace, String predictor) {
    return singleCore.stream()
        .filter(c -> c.trace().equals(trace) && c.predictor().equals(predictor)).findFirst();
  }

  /** Every CPI-stack cause that appears, in first-seen order (machines fix the data levels). */
  public List<String> causes() {
    LinkedHashSet<String> causes = new LinkedHashSet<>();
    singleCore.forEach(c -> causes.addAll(c.cpiStack().keySet()));
    return new ArrayList<>(causes);
  }
}
