package org.bpsim.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.bpsim.replay.RunResult;
import org.bpsim.replay.TraceHardestBranches;

/**
 * Everything a comparison report shows: the result rows, the baseline they are measured against,
 * the hardest branches per trace (possibly none), and how the report can be reproduced.
 *
 * @param results one row per (trace, predictor), traces and predictors in the order given
 * @param baseline the predictor every other one is compared with; one of the results' predictors
 * @param hardestBranches per trace, when the replay collected them; empty when re-rendered from
 *     results alone
 * @param provenance command line, version, machine, date and checksums
 * @param pipeline the timing model's figures when {@code compare --machine} ran it, else empty
 */
public record Comparison(List<RunResult> results, String baseline,
    List<TraceHardestBranches> hardestBranches, Provenance provenance,
    Optional<PipelineFigures> pipeline) {

  /** A comparison of branch prediction alone, without the timing model. */
  public Comparison(List<RunResult> results, String baseline,
      List<TraceHardestBranches> hardestBranches, Provenance provenance) {
    this(results, baseline, hardestBranches, provenance, Optional.empty());
  }

  public Comparison {
    results = List.copyOf(results);
    java.util.Objects.requireNonNull(pipeline, "pipeline");
    hardestBranches = List.copyOf(hardestBranches);
    if (results.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs at least one result");
    }
    if (results.stream().noneMatch(r -> r.predictor().equals(baseline))) {
      throw new IllegalArgumentException("baseline " + baseline + " has no results");
    }
  }

  /** Trace names in the order they first appear. */
  public List<String> traces() {
    LinkedHashSet<String> traces = new LinkedHashSet<>();
    for (RunResult r : results) {
      traces.add(r.trace());
    }
    return new ArrayList<>(traces);
  }

  /** Predictor specs in the order they first appear. */
  public List<String> predictors() {
    LinkedHashSet<String> predictors = new LinkedHashSet<>();
    for (RunResult r : results) {
      predictors.add(r.predictor());
    }
    return new ArrayList<>(predictors);
  }

  /** The result of a predictor on a trace; empty when it did not run or failed there. */
  public Optional<RunResult> result(String trace, String predictor) {
    for (RunResult r : results) {
      if (r.trace().equals(trace) && r.predictor().equals(predictor) && !r.failed()) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  public Optional<TraceHardestBranches> hardestBranches(String trace) {
    return hardestBranches.stream().filter(h -> h.trace().equals(trace)).findFirst();
  }

  /** Rows of predictors that failed (faulty plugins): shown apart, left out of every figure. */
  public List<RunResult> failures() {
    return results.stream().filter(RunResult::failed).collect(java.util.stream.Collectors.toList());
  }

  public List<PredictorSummary> summary() {
    return Summary.of(results, baseline);
  }

  /** The traces the ranked predictors' means are over (see {@link Summary#sharedTraces}). */
  public List<String> sharedTraces() {
    return Summary.sharedTraces(results);
  }
}
