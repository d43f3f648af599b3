package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.trace.BranchRecord;
import org.bpsim.trace.Compression;
import org.bpsim.trace.RandomBranches;
import org.bpsim.trace.TraceWriter;
import org.bpsim.trace.bt9.Bt9TraceWriter;
import org.bpsim.trace.champsim.ChampSimTraceWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for any W, the region counted with {@code --max-instructions W} and the one counted
 * with {@code --warmup-instructions W} split the whole trace. The predictor evolves the same way
 * in both runs up to W, so branches, instructions and mispredictions all add up exactly.
 */
final class WarmupPartitionTest {
  private static final List<BranchKind> BT9_KINDS = List.of(BranchKind.CONDITIONAL,
      BranchKind.DIRECT_JUMP, BranchKind.INDIRECT_JUMP, BranchKind.DIRECT_CALL,
      BranchKind.INDIRECT_CALL, BranchKind.RETURN);

  @TempDir
  Path folder;

  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0xAB1E0000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void maxAndWarmupRegionsPartitionTheWholeTrace(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    boolean bt9 = random.nextBoolean();
    List<BranchRecord> branches = RandomBranches.stream(random, 800,
        bt9 ? BT9_KINDS : List.of(BranchKind.values()));
    Path trace = folder.resolve(bt9 ? "t.bt9.trace" : "t.champsimtrace");
    try (TraceWriter writer = bt9 ? new Bt9TraceWriter(trace, Compression.NONE)
        : new ChampSimTraceWriter(trace, Compression.NONE)) {
      for (BranchRecord b : branches) {
        writer.write(b);
      }
    }
    long total = branches.get(branches.size() - 1).position();
    long w = 1 + random.nextLong(total + 10);
    String spec = random.nextBoolean() ? "gshare:history=" + random.nextInt(1, 20)
        + ",index_bits=" + random.nextInt(4, 12) : "bimodal:index_bits=" + random.nextInt(2, 10);

    RunResult whole = run(trace, spec, ReplayOptions.WHOLE_TRACE);
    RunResult head = run(trace, spec, new ReplayOptions(0, w, OptionalLong.empty()));
    RunResult tail = run(trace, spec, new ReplayOptions(w, Long.MAX_VALUE,
        OptionalLong.empty()));

    String where = "seed " + seed + " (" + trace.getFileName() + ", " + spec + ", W=" + w
        + " of " + total + ")";
    assertEquals(whole.branches(), head.branches() + tail.branches(), where + ": branches");
    assertEquals(whole.conditionalBranches(),
        head.conditionalBranches() + tail.conditionalBranches(), where + ": conditional");
    assertEquals(whole.mispredictions(), head.mispredictions() + tail.mispredictions(),
        where + ": mispredictions");
    assertEquals(whole.instructions().getAsLong(),
        head.instructions().getAsLong() + tail.instructions().getAsLong(),
        where + ": instructions");
    long expectedHead = branches.stream().filter(b -> b.position() <= w).count();
    assertEquals(expectedHead, head.branches(), where + ": branches up to W");
  }

  private static RunResult run(Path trace, String spec, ReplayOptions options)
      throws IOException {
    PredictorRegistry registry = PredictorRegistry.builtIn();
    PredictorConfig config = registry.resolve(spec);
    BranchPredictor predictor = registry.create(config);
    return new Replay(trace, trace.toString(), null, options)
        .run(List.of(config.canonicalSpec()), List.of(predictor)).get(0);
  }
}
