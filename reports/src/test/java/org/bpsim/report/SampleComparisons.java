package org.bpsim.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.bpsim.replay.HardBranch;
import org.bpsim.replay.RunResult;
import org.bpsim.replay.TraceHardestBranches;

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
    return new Comparison(results, BASELINE, hardest, provenance, Optional.of(pipeline()));
  }

  /**
   * The timing model on the two traces with instruction counts; the multi-core run puts them
   * together. CPI stacks add up to cycles / instructions; weighted speedups are sums of IPC
   * together / IPC alone.
   */
  static PipelineFigures pipeline() {
    PipelineCoreFigures alphaBase = core("traces/alpha.bt9.gz", BASELINE, 1_000_000, 1_250_000,
        0.25, 0.6, 0.2, 0.1, 0.1);
    PipelineCoreFigures alphaOdd = core("traces/alpha.bt9.gz", HOSTILE_PREDICTOR, 1_000_000,
        1_200_000, 0.25, 0.55, 0.2, 0.1, 0.1);
    PipelineCoreFigures hostileBase = core(HOSTILE_TRACE, BASELINE, 2_000_000, 4_000_000, 0.25,
        1.0, 0.25, 0.25, 0.25);
    PipelineCoreFigures hostileOdd = core(HOSTILE_TRACE, HOSTILE_PREDICTOR, 2_000_000,
        3_800_000, 0.25, 0.9, 0.25, 0.25, 0.25);
    MultiCoreFigures shared = new MultiCoreFigures("shared", BASELINE, List.of(
        core("traces/alpha.bt9.gz", BASELINE, 1_000_000, 1_500_000, 0.25, 0.6, 0.2, 0.2, 0.25),
        core(HOSTILE_TRACE, BASELINE, 2_000_000, 5_000_000, 0.25, 1.0, 0.25, 0.5, 0.5)),
        List.of(0.8, 0.5), (1 / 1.5) / 0.8 + (1 / 2.5) / 0.5);
    MultiCoreFigures separate = new MultiCoreFigures("private", BASELINE, List.of(
        core("traces/alpha.bt9.gz", BASELINE, 1_000_000, 1_400_000, 0.25, 0.6, 0.2, 0.15, 0.2),
        core(HOSTILE_TRACE, BASELINE, 2_000_000, 5_200_000, 0.25, 1.0, 0.25, 0.6, 0.5)),
        List.of(0.75, 0.45), (1 / 1.4) / 0.75 + (1 / 2.6) / 0.45);
    return new PipelineFigures("small", List.of(alphaBase, alphaOdd, hostileBase, hostileOdd),
        List.of(shared, separate), List.of("cbp1/fp_1"));
  }

  private static PipelineCoreFigures core(String trace, String predictor, long instructions,
      long cycles, double base, double branch, double icache, double llc, double memory) {
    Map<String, Double> stack = new LinkedHashMap<>();
    stack.put("base", base);
    stack.put("branch", branch);
    stack.put("icache", icache);
    stack.put("LLC", llc);
    stack.put("memory", memory);
    return new PipelineCoreFigures(trace, predictor, instructions, cycles,
        (double) instructions / cycles, stack, byType(instructions));
  }

  /** Made-up counts, different per row, in ChampSim's six types. */
  private static Map<String, Long> byType(long instructions) {
    Map<String, Long> byType = new LinkedHashMap<>();
    long seed = instructions % 97;
    for (String type : List.of("conditional", "direct_jump", "indirect_jump", "direct_call",
        "indirect_call", "return")) {
      byType.put(type, seed);
      seed = seed / 2;
    }
    return byType;
  }
}
