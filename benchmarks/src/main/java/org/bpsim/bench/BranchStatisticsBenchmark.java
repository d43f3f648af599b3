package org.bpsim.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.replay.BranchStatistics;
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
 * What the per-static-branch statistics of {@code bpsim compare} cost over the plain replay of
 * {@code bpsim run}: bimodal and gshare replay each pre-decoded batch, either plainly or while
 * counting executions, outcomes and mispredictions per branch address. Read the
 * {@code conditionalBranches} counter (branches per second through both predictors).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class BranchStatisticsBenchmark {

  @Param({"plain", "statistics"})
  public String mode;

  @Param({"cbp2016/SHORT_MOBILE-1.bt9.trace.gz"})
  public String trace;

  @Param({"4000000"})
  public long branches;

  private List<BranchBatch> batches;
  private BranchPredictor[] predictors;
  private BranchStatistics statistics;
  private int[] conditionalCounts;
  private int next;

  /** Conditional branches replayed, reported by JMH as a rate. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Replayed {
    public long conditionalBranches;
  }

  @Setup(Level.Trial)
  public void setUp() {
    batches = BenchmarkTraces.predecode(BenchmarkTraces.resolve(trace), branches);
    conditionalCounts = BenchmarkTraces.conditionalCounts(batches);
    PredictorRegistry registry = PredictorRegistry.builtIn();
    predictors = new BranchPredictor[] {registry.create(registry.resolve("bimodal")),
        registry.create(registry.resolve("gshare"))};
    statistics = mode.equals("statistics") ? new BranchStatistics(predictors.length) : null;
  }

  @Benchmark
  public long replayBatch(Replayed replayed) {
    BranchBatch batch = batches.get(next);
    replayed.conditionalBranches += conditionalCounts[next];
    next = next + 1 == batches.size() ? 0 : next + 1;
    int n = batch.size();
    long missed = 0;
    if (statistics == null) {
      for (BranchPredictor predictor : predictors) {
        missed += Replay.replay(predictor, batch, 0, n);
      }
    } else {
      int[] slots = statistics.record(batch, 0, n);
      for (int p = 0; p < predictors.length; p++) {
        missed += Replay.replayCounting(predictors[p], batch, 0, n, slots, statistics, p);
      }
    }
    return missed;
  }
}
