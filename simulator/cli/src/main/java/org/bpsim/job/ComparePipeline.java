package org.bpsim.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.cache.CacheConfig;
import org.bpsim.machine.MachineConfig;
import org.bpsim.pipeline.CoreResult;
import org.bpsim.pipeline.LlcMode;
import org.bpsim.pipeline.Simulation;
import org.bpsim.pipeline.SimulationResult;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.report.MultiCoreFigures;
import org.bpsim.report.PipelineCoreFigures;
import org.bpsim.replay.InParallel;
import org.bpsim.replay.PredictorGuard;
import org.bpsim.replay.ReplayOptions;

/**
 * The timing model's part of {@code bpsim compare --machine}: the same runs {@code bpsim simulate}
 * makes (the replay's window of each trace, cores' addresses kept apart), turned into the report's
 * figures.
 */
final class ComparePipeline {
  /** At most this many traces run together in the multi-core comparison. */
  static final int MAX_CORES = 4;

  private final MachineConfig machine;
  private final PredictorRegistry registry;
  private final PredictorGuard guard;
  private final ReplayOptions window;

  ComparePipeline(MachineConfig machine, PredictorRegistry registry, PredictorGuard guard,
      ReplayOptions window) {
    this.machine = machine;
    this.registry = registry;
    this.guard = guard;
    this.window = window;
  }

  MachineConfig machine() {
    return machine;
  }

  private Simulation simulation(PredictorConfig predictor) {
    return new Simulation(machine, () -> registry.create(predictor), true,
        window.warmupInstructions(), window.maxInstructions()).guardedBy(guard);
  }

  /** Fails early, with one line, on a machine the timing model refuses. */
  void check(PredictorConfig predictor) {
    simulation(predictor);
  }

  /**
   * How many of {@code available} traces run together: at most {@link #MAX_CORES}, and, when a
   * private LLC is among {@code modes}, no more than the LLC splits into (size / cores must be
   * whole sets; 3 cores rarely divide a power-of-two LLC). Below 2 there is no multi-core run.
   */
  int cores(int available, List<LlcMode> modes) {
    int n = Math.min(MAX_CORES, available);
    if (modes.contains(LlcMode.PRIVATE)) {
      while (n >= 2 && !splits(n)) {
        n--;
      }
    }
    return n;
  }

  private boolean splits(int cores) {
    CacheConfig llc = machine.lastLevel();
    if (llc.sizeBytes() % cores != 0) {
      return false;
    }
    try {
      new CacheConfig(llc.name(), llc.sizeBytes() / cores, llc.ways(), llc.lineBytes(),
          llc.latency(), llc.replacement());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code trace} alone on one core (with one core, shared and private LLC are the same). */
  PipelineCoreFigures singleCore(Path trace, String name, PredictorConfig predictor)
      throws IOException {
    CoreResult core = simulation(predictor).run(List.of(trace), LlcMode.SHARED).get(0);
    return figures(core, name, predictor.canonicalSpec());
  }

  /** {@code traces} together, one per core, once in each of {@code modes}. */
  List<MultiCoreFigures> multiCore(List<Path> traces, List<String> names,
      PredictorConfig predictor, List<LlcMode> modes, Integer jobs)
      throws IOException, InterruptedException {
    Simulation simulation = simulation(predictor);
    List<SimulationResult> results = InParallel.map(modes, jobs,
        mode -> simulation.runWithBaselines(traces, mode, predictor.canonicalSpec()));
    List<MultiCoreFigures> runs = new ArrayList<>();
    for (SimulationResult result : results) {
      List<PipelineCoreFigures> cores = new ArrayList<>();
      for (int i = 0; i < result.cores().size(); i++) {
        cores.add(figures(result.cores().get(i), names.get(i), result.predictor()));
      }
      runs.add(new MultiCoreFigures(result.mode().id(), result.predictor(), cores,
          result.ipcAlone(), result.weightedSpeedup()));
    }
    return runs;
  }

  private static PipelineCoreFigures figures(CoreResult core, String name, String predictor) {
    return new PipelineCoreFigures(name, predictor, core.instructions(), core.cycles(),
        core.ipc(), core.cpiStack(), core.mispredictionsByType());
  }
}
