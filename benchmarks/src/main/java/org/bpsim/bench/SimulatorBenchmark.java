package org.bpsim.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bpsim.machine.Machines;
import org.bpsim.pipeline.CoreResult;
import org.bpsim.pipeline.LlcMode;
import org.bpsim.pipeline.Simulation;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole timing simulator, single core: trace decoding, predictor, BTB/RAS and a three-level
 * data hierarchy (the cbp2025 preset). One operation simulates {@code instructions}
 * instructions, so simulated instructions per second = instructions / (seconds per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class SimulatorBenchmark {
  @Param("champsim/bzip2.champsimtrace.xz")
  public String trace;

  @Param("2000000")
  public long instructions;

  @Param({"gshare", "tage:budget=64KB"})
  public String predictor;

  @Param("cbp2025")
  public String machine;

  private Simulation simulation;
  private Path path;

  @Setup
  public void setUp() throws IOException {
    path = BenchmarkTraces.resolve(trace);
    PredictorRegistry registry = PredictorRegistry.builtIn();
    PredictorConfig config = registry.resolve(predictor);
    simulation = new Simulation(Machines.preset(machine), () -> registry.create(config), true, 0,
        instructions);
  }

  @Benchmark
  public long simulate() throws IOException {
    List<CoreResult> results = simulation.run(List.of(path), LlcMode.SHARED);
    return results.get(0).cycles();
  }
}
