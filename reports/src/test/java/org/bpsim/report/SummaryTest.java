package org.bpsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.bpsim.replay.RunResult;
import org.junit.jupiter.api.Test;

final class SummaryTest {

  private static RunResult run(String trace, String predictor, Long instructions,
      long conditionals, long mispredictions, long bits) {
    return new RunResult(trace, predictor,
        instructions == null ? OptionalLong.empty() : OptionalLong.of(instructions),
        conditionals, conditionals, mispredictions, bits);
  }

  @Test
  void meanMpkiIsTheArithmeticMeanOfPerTraceMpkiNotTheRatioOfSums() {
    // a: 1000 misses / 1M instr = 1.0 MPKI; b: 10 misses / 10k instr = 1.0... use 3.0 to differ.
    List<RunResult> results = List.of(
        run("a", "p", 1_000_000L, 100_000, 1_000, 64),
        run("b", "p", 10_000L, 1_000, 30, 64));
    PredictorSummary s = Summary.of(results, "p").get(0);
    assertEquals((1.0 + 3.0) / 2, s.meanMpki(), 1e-12);
    // The ratio of sums would give 1030 / 1010 instructions-thousands = 1.0198...; CBP does not.
    assertEquals(2, s.traces());
    assertEquals(1_030, s.mispredictions());
    assertEquals(((1 - 1_000 / 100_000.0) + (1 - 30 / 1_000.0)) / 2, s.meanAccuracy(), 1e-12);
  }

  @Test
  void meanMpkiSkipsTracesWithoutInstructionCountsAndIsNaNWithoutAny() {
    List<RunResult> results = List.of(
        run("a", "p", 2_000_000L, 100_000, 4_000, 64),
        run("text", "p", null, 100_000, 9_999, 64),
        run("text", "q", null, 100_000, 5_000, 64));
    List<PredictorSummary> summary = Summary.of(results, "p");
    assertEquals(2.0, summary.get(0).meanMpki(), 1e-12);
    assertTrue(Double.isNaN(summary.get(1).meanMpki()));
    assertTrue(!summary.get(1).hasMpki());
  }

  @Test
  void reductionVsBaselineComparesSummedMispredictionsOnSharedTraces() {
    List<RunResult> results = List.of(
        run("a", "base", 1_000_000L, 10_000, 1_000, 100),
        run("b", "base", 1_000_000L, 10_000, 3_000, 100),
        run("a", "better", 1_000_000L, 10_000, 500, 200),
        run("b", "better", 1_000_000L, 10_000, 2_500, 200),
        run("c", "better", 1_000_000L, 10_000, 7_777, 200),
        run("a", "worse", 1_000_000L, 10_000, 2_000, 50));
    List<PredictorSummary> summary = Summary.of(results, "base");
    assertEquals(0.0, summary.get(0).reductionVsBaseline(), 1e-12);
    // Trace c has no baseline, so it is not part of the comparison: 1 - 3000 / 4000.
    assertEquals(0.25, summary.get(1).reductionVsBaseline(), 1e-12);
    // Only trace a is shared: 1 - 2000 / 1000 = -100%, i.e. twice the mispredictions.
    assertEquals(-1.0, summary.get(2).reductionVsBaseline(), 1e-12);
    assertEquals(List.of("base", "better", "worse"),
        summary.stream().map(PredictorSummary::predictor).toList());
  }

  @Test
  void reductionIsNaNWhenTheBaselineNeverMispredicts() {
    List<RunResult> results = List.of(
        run("a", "base", 1_000L, 10, 0, 1),
        run("a", "other", 1_000L, 10, 3, 1));
    assertTrue(Double.isNaN(Summary.of(results, "base").get(1).reductionVsBaseline()));
  }

  @Test
  void storageIsReportedInKilobytesOf1024Bytes() {
    PredictorSummary s = Summary.of(List.of(run("a", "p", 1_000L, 10, 1, 262_144)), "p").get(0);
    assertEquals(32.0, s.storageKilobytes(), 1e-12);
    assertEquals("32.00 KB", Numbers.kilobytes(s.storageBits()));
  }

  @Test
  void sampleComparisonSummaryMatchesHandArithmetic() {
    List<PredictorSummary> summary = SampleComparisons.withHostileNames().summary();
    PredictorSummary gshare = summary.get(1);
    // MPKI: alpha 2000/1000 = 2.0, hostile 6000/2000 = 3.0; fp_1 has no instruction count.
    assertEquals(2.5, gshare.meanMpki(), 1e-12);
    // Baseline misses 4000 + 10000 + 1000 = 15000; gshare 2000 + 6000 + 500 = 8500.
    assertEquals(1 - 8_500.0 / 15_000.0, gshare.reductionVsBaseline(), 1e-12);
  }
}
