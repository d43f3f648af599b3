package org.bpsim.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Condenses per-trace results into one line per predictor, the way CBP ranks predictors. */
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
    List<PredictorSummary> summaries = new ArrayList<>();
    for (Map.Entry<String, List<RunResult>> entry : byPredictor.entrySet()) {
      summaries.add(summarise(entry.getKey(), entry.getValue(), baselineByTrace));
    }
    return summaries;
  }

  private static PredictorSummary summarise(String predictor, List<RunResult> runs,
      Map<String, Long> baselineByTrace) {
    double mpkiSum = 0;
    int mpkiCount = 0;
    double accuracySum = 0;
    long storage = 0;
    long mispredictions = 0;
    long shared = 0;
    long baselineShared = 0;
    for (RunResult r : runs) {
      if (r.hasMpki()) {
        mpkiSum += r.mpki();
        mpkiCount++;
      }
      accuracySum += r.accuracy();
      storage = Math.max(storage, r.storageBits());
      mispredictions += r.mispredictions();
      Long base = baselineByTrace.get(r.trace());
      if (base != null) {
        shared += r.mispredictions();
        baselineShared += base;
      }
    }
    double meanMpki = mpkiCount == 0 ? Double.NaN : mpkiSum / mpkiCount;
    double reduction = baselineShared == 0 ? Double.NaN
        : 1.0 - (double) shared / baselineShared;
    return new PredictorSummary(predictor, runs.size(), meanMpki, accuracySum / runs.size(),
        storage, mispredictions, reduction);
  }
}
