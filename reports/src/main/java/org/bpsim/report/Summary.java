package org.bpsim.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bpsim.replay.RunResult;

/**
 * Condenses per-trace results into one line per predictor, the way CBP ranks predictors.
 *
 * <p>Means are only comparable over one set of traces: a mean MPKI over 11 traces says nothing
 * against one over 8. So a predictor is <em>ranked</em> only when it ran, without failing, on
 * every trace that some predictor ran on (the {@linkplain #sharedTraces shared traces}); any other
 * is shown apart with its own count of traces.
 */
public final class Summary {
  private Summary() {
  }

  /** One summary per predictor, in the order predictors first appear in {@code results}. */
  public static List<PredictorSummary> of(List<RunResult> results, String baseline) {
    Map<String, List<RunResult>> byPredictor = new LinkedHashMap<>();
    Map<String, Long> baselineByTrace = new HashMap<>();
    for (RunResult r : results) {
      if (r.failed()) {
        continue;
      }
      byPredictor.computeIfAbsent(r.predictor(), k -> new ArrayList<>()).add(r);
      if (r.predictor().equals(baseline)) {
        baselineByTrace.put(r.trace(), r.mispredictions());
      }
    }
    Set<String> everyTrace = tracesRun(results);
    List<PredictorSummary> summaries = new ArrayList<>();
    for (Map.Entry<String, List<RunResult>> entry : byPredictor.entrySet()) {
      Set<String> own = new LinkedHashSet<>();
      entry.getValue().forEach(r -> own.add(r.trace()));
      summaries.add(summarise(entry.getKey(), entry.getValue(), baselineByTrace,
          own.equals(everyTrace)));
    }
    return summaries;
  }

  /**
   * The traces over which the ranked predictors' means are taken: every trace on which at least
   * one predictor ran without failing, in the order they first appear. Empty when no predictor
   * ran on all of them, for then no two sets of means are comparable.
   */
  public static List<String> sharedTraces(List<RunResult> results) {
    Set<String> everyTrace = tracesRun(results);
    Map<String, Set<String>> byPredictor = new LinkedHashMap<>();
    for (RunResult r : results) {
      if (!r.failed()) {
        byPredictor.computeIfAbsent(r.predictor(), k -> new LinkedHashSet<>()).add(r.trace());
      }
    }
    boolean anyRanked = byPredictor.values().stream().anyMatch(everyTrace::equals);
    return anyRanked ? new ArrayList<>(everyTrace) : List.of();
  }

  private static Set<String> tracesRun(List<RunResult> results) {
    Set<String> traces = new LinkedHashSet<>();
    for (RunResult r : results) {
      if (!r.failed()) {
        traces.add(r.trace());
      }
    }
    return traces;
  }

  private static PredictorSummary summarise(String predictor, List<RunResult> runs,
      Map<String, Long> baselineByTrace, boolean ranked) {
    double mpkiSum = 0;
    int mpkiCount = 0;
    double accuracySum = 0;
    int accuracyCount = 0;
    long storage = 0;
    long mispredictions = 0;
    long shared = 0;
    long baselineShared = 0;
    for (RunResult r : runs) {
      if (r.hasMpki()) {
        mpkiSum += r.mpki();
        mpkiCount++;
      }
      if (r.counted()) {
        accuracySum += r.accuracy();
        accuracyCount++;
      }
      // One run that cannot say its storage makes the predictor's unknown: no guess.
      storage = storage == RunResult.UNKNOWN_STORAGE || !r.storageKnown()
          ? RunResult.UNKNOWN_STORAGE : Math.max(storage, r.storageBits());
      mispredictions += r.mispredictions();
      Long base = baselineByTrace.get(r.trace());
      if (base != null) {
        shared += r.mispredictions();
        baselineShared += base;
      }
    }
    double meanMpki = mpkiCount == 0 ? Double.NaN : mpkiSum / mpkiCount;
    double meanAccuracy = accuracyCount == 0 ? Double.NaN : accuracySum / accuracyCount;
    double reduction = baselineShared == 0 ? Double.NaN
        : 1.0 - (double) shared / baselineShared;
    return new PredictorSummary(predictor, runs.size(), meanMpki, meanAccuracy, storage,
        mispredictions, reduction, ranked);
  }
}
