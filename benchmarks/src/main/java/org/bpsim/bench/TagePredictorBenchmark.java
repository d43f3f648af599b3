package org.bpsim.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Conditional branches per second of the TAGE family on one core, replaying the first million
 * conditional branches of CBP-2016 SHORT_MOBILE-1 (with its unconditional branches, which update
 * the histories too). Run with {@code -prof gc} to check that nothing is allocated per branch.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar TagePredictorBenchmark -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TagePredictorBenchmark {
  static final int CONDITIONALS = 1_000_000;

  @Param({"tage:budget=64KB", "tage:budget=8KB", "ltage:budget=64KB", "tage-sc-l:budget=64KB",
      "tage-sc-l:budget=8KB"})
  public String spec;

  @Param({"cbp2016/SHORT_MOBILE-1.bt9.trace.gz"})
  public String trace;

  private DecodedTrace decoded;
  private BranchPredictor predictor;

  @Setup(Level.Trial)
  public void load() throws IOException {
    decoded = DecodedTrace.load(DecodedTrace.shared().resolve("traces").resolve(trace),
        CONDITIONALS);
    PredictorRegistry registry = PredictorRegistry.builtIn();
    predictor = registry.create(registry.resolve(spec));
  }

  /** One pass over the decoded branches; the predictor keeps learning across passes. */
  @Benchmark
  @OperationsPerInvocation(CONDITIONALS)
  public long replay() {
    BranchPredictor p = predictor;
    long[] pc = decoded.pc;
    long[] target = decoded.target;
    BranchKind[] kind = decoded.kind;
    boolean[] taken = decoded.taken;
    long missed = 0;
    for (int i = 0, n = decoded.branches; i < n; i++) {
      BranchKind k = kind[i];
      if (k == BranchKind.CONDITIONAL && p.predict(pc[i]) != taken[i]) {
        missed++;
      }
      p.update(pc[i], target[i], k, taken[i]);
    }
    return missed;
  }
}
