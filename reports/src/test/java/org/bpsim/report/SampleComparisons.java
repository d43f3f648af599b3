package org.bpsim.report;

import java.util.List;
import java.util.OptionalLong;

/** Hand-made comparisons for rendering tests; the numbers are chosen to be checked by hand. */
final class SampleComparisons {
  static final String HOSTILE_TRACE = "<script>&\"";
  static final String BASELINE = "bimodal:index_bits=14,init=2";
  static final String GSHARE = "gshare:history=17,index_bits=17,init=2";
  static final String HOSTILE_PREDICTOR = "odd<b>&'predictor";

  private SampleComparisons() {
  }

  /** Two traces with instruction counts, one without, and a trace named like markup. */
  static Comparison withHostileNames() {
    List<RunResult> results = List.of(
        new RunResult("traces/alpha.bt9.gz", BASELINE, OptionalLong.of(1_000_000), 200_000,
            150_000, 4_000, 32_768),
        new RunResult("traces/alpha.bt9.gz", GSHARE, OptionalLong.of(1_000_000), 200_000,
            150_000, 2_000, 262_161),
        new RunResult("traces/alpha.bt9.gz", HOSTILE_PREDICTOR, OptionalLong.of(1_000_000),
            200_000, 150_000, 3_000, 1_024),
        new RunResult(HOSTILE_TRACE, BASELINE, OptionalLong.of(2_000_000), 300_000, 250_000,
            10_000, 32_768),
        new RunResult(HOSTILE_TRACE, GSHARE, OptionalLong.of(2_000_000), 300_000, 250_000,
            6_000, 262_161),
        new RunResult(HOSTILE_TRACE, HOSTILE_PREDICTOR, OptionalLong.of(2_000_000), 300_000,
            250_000, 9_000, 1_024),
        new RunResult("cbp1/fp_1", BASELINE, OptionalLong.empty(), 50_000, 50_000, 1_000,
            32_768),
        new RunResult("cbp1/fp_1", GSHARE, OptionalLong.empty(), 50_000, 50_000, 500, 262_161),
        new RunResult("cbp1/fp_1", HOSTILE_PREDICTOR, OptionalLong.empty(), 50_000, 50_000, 800,
            1_024));
    List<String> predictors = List.of(BASELINE, GSHARE, HOSTILE_PREDICTOR);
    List<TraceHardestBranches> hardest = List.of(
        new TraceHardestBranches(HOSTILE_TRACE, predictors, BASELINE, 42, List.of(
            new HardBranch(0x4005d0L, 9_000, 4_500, List.of(5_000L, 3_000L, 4_000L)),
            new HardBranch(0xffff_0000_1234L, 1_000, 10, List.of(900L, 20L, 800L)))),
        new TraceHardestBranches("traces/alpha.bt9.gz", predictors, BASELINE, 7, List.of()));
    Provenance provenance = new Provenance("./bpsim compare -t '" + HOSTILE_TRACE + "'",
        "0.1.0-test", "TestOS 1, x86_64, 2 cores, Java 17", "2026-01-02T03:04:05Z",
        List.of(new TraceChecksum(HOSTILE_TRACE,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")));
    return new Comparison(results, BASELINE, hardest, provenance);
  }
}
