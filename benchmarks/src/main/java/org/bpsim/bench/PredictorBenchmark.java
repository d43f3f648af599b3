package org.bpsim.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.replay.Replay;
import org.bpsim.trace.BranchBatch;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A predictor's own speed, on one core, over a real trace decoded in advance (so decompression
 * is not measured): one invocation replays one batch of about 8,000 branches exactly as
 * {@code bpsim run} does. Read the {@code conditionalBranches} counter (predictions per second);
 * run with {@code -prof gc} to confirm ~0 B allocated per operation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class PredictorBenchmark {

  @Param({"bimodal", "gshare", "perceptron", "hashed-perceptron", "tournament",
      "tage:budget=64KB", "tage:budget=8KB", "ltage:budget=64KB", "tage-sc-l:budget=64KB",
      "tage-sc-l:budget=8KB"})
  public String predictor;

  @Param({"cbp2016/SHORT_MOBILE-1.bt9.trace.gz"})
  public String trace;

  @Param({"4000000"})
  public long branches;

  private List<BranchBatch> batches;
  private BranchPredictor instance;
  private int[] conditionalCounts;
  private int next;

  /** Conditional branches predicted, reported by JMH as a rate. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Predicted {
    public long conditionalBranches;
  }

  @Setup(Level.Trial)
  public void setUp() {
    batches = BenchmarkTraces.predecode(BenchmarkTraces.resolve(trace), branches);
    conditionalCounts = BenchmarkTraces.conditionalCounts(batches);
    PredictorRegistry registry = PredictorRegistry.builtIn();
    instance = registry.create(registry.resolve(predictor));
  }

  @Benchmark
  public long replayBatch(Predicted predicted) {
    BranchBatch batch = batches.get(next);
    predicted.conditionalBranches += conditionalCounts[next];
    next = next + 1 == batches.size() ? 0 : next + 1;
    return Replay.replay(instance, batch, 0, batch.size());
  }
}
