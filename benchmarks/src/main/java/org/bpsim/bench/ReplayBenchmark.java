package org.bpsim.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.replay.RunResult;
import org.bpsim.replay.Replay;
import org.bpsim.replay.ReplayOptions;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;
import org.bpsim.trace.bpt.BptWriter;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end replay, exactly as {@code bpsim run} does it (open, decode, predict, count), of a
 * trace converted to {@code .bpt} in setup. The {@code conditionalBranches} counter is the rate
 * of conditional branches replayed per second on one core.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@State(Scope.Thread)
public class ReplayBenchmark {

  @Param({"cbp2016/SHORT_MOBILE-1.bt9.trace.gz"})
  public String trace;

  @Param({"gshare"})
  public String predictor;

  private Path converted;
  private PredictorRegistry registry;
  private List<PredictorConfig> configs;

  /** Conditional branches replayed, reported by JMH as a rate. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Replayed {
    public long conditionalBranches;
  }

  @Setup
  public void convert() throws IOException {
    converted = Files.createTempFile("bpsim-replay-benchmark", ".bpt");
    try (TraceReader reader = TraceOpener.branches(BenchmarkTraces.resolve(trace));
        OutputStream out = Files.newOutputStream(converted);
        BptWriter writer = new BptWriter(out, trace, reader.hasInstructionCounts(),
            reader.declaredInstructions().orElse(-1))) {
      BranchBatch batch = new BranchBatch();
      while (reader.read(batch) > 0) {
        writer.write(batch);
      }
      writer.finish(reader.instructionsRead());
    }
    registry = PredictorRegistry.builtIn();
    configs = List.of(registry.resolve(predictor));
  }

  @TearDown
  public void delete() throws IOException {
    Files.deleteIfExists(converted);
  }

  @Benchmark
  public long replayWholeTrace(Replayed replayed) throws IOException {
    List<RunResult> results = new Replay(converted, trace, null, ReplayOptions.WHOLE_TRACE)
        .run(configs, registry);
    replayed.conditionalBranches += results.get(0).conditionalBranches();
    return results.get(0).mispredictions();
  }
}
