package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.bpsim.machine.MachineConfig;
import org.bpsim.machine.Machines;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class PipelineInvariantsTest {
  private static final PredictorRegistry REGISTRY = PredictorRegistry.builtIn();

  @TempDir
  Path folder;

  private static Simulation simulation(MachineConfig machine, long warmup, long max) {
    PredictorConfig gshare = REGISTRY.resolve("gshare");
    return new Simulation(machine, () -> REGISTRY.create(gshare), true, warmup, max);
  }

  /** Once warm, a loop without miss events dispatches at full width on every preset. */
  @Test
  void withoutMissEventsIpcEqualsWidth() throws IOException {
    Path trace = SyntheticTrace.tightLoop(folder.resolve("loop_trace.gz"), 500);
    for (String preset : Machines.PRESETS) {
      MachineConfig machine = Machines.preset(preset);
      CoreResult result = simulation(machine, 1600, Long.MAX_VALUE)
          .run(List.of(trace), LlcMode.SHARED).get(0);
      assertEquals(8000 - 1600, result.instructions(), preset);
      assertEquals(0, result.directionMispredictions() + result.targetMispredictions(), preset);
      assertEquals(machine.core().width(), result.ipc(), 1e-12, preset);
      assertEquals(1.0 / machine.core().width(), result.cpiStack().get("base"), 1e-12, preset);
    }
  }

  /**
   * The invariant: with a perfect predictor and perfect caches a trace without
   * dependences runs at exactly the dispatch width, however many misses it would otherwise have.
   */
  @Test
  void perfectPredictorAndCachesGiveIpcEqualToWidth() throws IOException {
    Path trace = SyntheticTrace.randomMemory(folder.resolve("miss_trace.gz"), 7, 3000, 20000);
    PredictorConfig gshare = REGISTRY.resolve("gshare");
    for (String preset : Machines.PRESETS) {
      MachineConfig machine = Machines.preset(preset);
      double width = machine.core().width();
      CoreResult real = new Simulation(machine, () -> REGISTRY.create(gshare), true, 0,
          Long.MAX_VALUE).run(List.of(trace), LlcMode.SHARED).get(0);
      assertTrue(real.ipc() < width, preset + ": the real machine stalls on this trace");

      CoreResult perfect = new Simulation(machine, () -> REGISTRY.create(gshare), true, 0,
          Long.MAX_VALUE, new Idealization(true, true)).run(List.of(trace), LlcMode.SHARED)
          .get(0);
      assertEquals(real.instructions(), perfect.instructions(), preset);
      assertEquals(width, perfect.ipc(), 1e-12, preset);

      CoreResult perfectCaches = new Simulation(machine, () -> REGISTRY.create(gshare), true, 0,
          Long.MAX_VALUE, new Idealization(false, true)).run(List.of(trace), LlcMode.SHARED)
          .get(0);
      assertEquals(real.cpiStack().get("branch"), perfectCaches.cpiStack().get("branch"), 1e-12,
          preset + ": caches do not change branch stalls");
      assertEquals(0.0, perfectCaches.cpiStack().get("icache"), preset);

      CoreResult perfectBranches = new Simulation(machine, () -> REGISTRY.create(gshare), true,
          0, Long.MAX_VALUE, new Idealization(true, false)).run(List.of(trace), LlcMode.SHARED)
          .get(0);
      assertEquals(0.0, perfectBranches.cpiStack().get("branch"), preset);
      // Stall cycles may differ (a faster core queues more for memory bandwidth), but the caches
      // see exactly the same accesses.
      assertEquals(real.dataLevels().get(0).misses(), perfectBranches.dataLevels().get(0).misses(),
          preset + ": branches do not change what the caches see");
    }
  }

  @Test
  void cpiStackAddsUpToCyclesPerInstruction() throws IOException {
    Path trace = SyntheticTrace.randomMemory(folder.resolve("mem_trace.gz"), 3, 3000, 20000);
    for (String preset : Machines.PRESETS) {
      CoreResult result = simulation(Machines.preset(preset), 0, Long.MAX_VALUE)
          .run(List.of(trace), LlcMode.SHARED).get(0);
      double sum = result.cpiStack().values().stream().mapToDouble(Double::doubleValue).sum();
      assertEquals((double) result.cycles() / result.instructions(), sum, 1e-9, preset);
      assertTrue(result.cpiStack().get("memory") > 0, preset + ": a large footprint misses");
      LevelResult l1d = result.dataLevels().get(0);
      assertTrue(l1d.writebacks() > 0, preset + ": stores to a large footprint write back");
      assertEquals(l1d.accesses(), l1d.hits() + l1d.misses(), preset);
      assertEquals(l1d.misses(), result.dataLevels().get(1).accesses(), preset);
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 12);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void oneCoreGivesTheSameResultsWithSharedAndPrivateLlc(long seed) throws IOException {
    Path trace = SyntheticTrace.randomMemory(folder.resolve("t_trace.gz"), seed, 800, 12000);
    Simulation simulation = simulation(Machines.preset("small"), 0, Long.MAX_VALUE);
    CoreResult shared = simulation.run(List.of(trace), LlcMode.SHARED).get(0);
    CoreResult separate = simulation.run(List.of(trace), LlcMode.PRIVATE).get(0);
    assertEquals(shared.cycles(), separate.cycles(), "seed " + seed);
    assertEquals(shared.dataLevels(), separate.dataLevels(), "seed " + seed);
    assertEquals(shared.instructionLevels(), separate.instructionLevels(), "seed " + seed);
    assertEquals(shared.cpiStack(), separate.cpiStack(), "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void privateLlcMissesAreTheSumOfSingleCoreRunsWithAShareOfTheLlc(long seed)
      throws IOException {
    int cores = seed % 2 == 0 ? 2 : 4;
    Path[] traces = new Path[cores];
    for (int i = 0; i < cores; i++) {
      traces[i] = SyntheticTrace.randomMemory(folder.resolve("c" + i + "_trace.gz"),
          seed * 31 + i, 300 + 150 * i, 6000);
    }
    Simulation simulation = simulation(Machines.preset("small"), 0, Long.MAX_VALUE);
    List<CoreResult> together = simulation.run(List.of(traces), LlcMode.PRIVATE);
    long togetherMisses = 0;
    long aloneMisses = 0;
    for (int i = 0; i < cores; i++) {
      togetherMisses += llcMisses(together.get(i));
      aloneMisses += llcMisses(simulation.runAlone(traces[i], LlcMode.PRIVATE, cores));
    }
    assertEquals(aloneMisses, togetherMisses, "seed " + seed + ", " + cores + " cores");
  }

  @Test
  void aSharedLlcTracksOccupancyAndInterCoreEvictions() throws IOException {
    Path a = SyntheticTrace.randomMemory(folder.resolve("a_trace.gz"), 1, 3000, 20000);
    Path b = SyntheticTrace.randomMemory(folder.resolve("b_trace.gz"), 2, 3000, 20000);
    List<CoreResult> results = simulation(Machines.preset("small"), 0, Long.MAX_VALUE)
        .run(List.of(a, b), LlcMode.SHARED);
    int llcLines = 524288 / 64;
    long held = results.get(0).llcOccupancy() + results.get(1).llcOccupancy();
    assertTrue(held > 0 && held <= llcLines, "held " + held);
    assertTrue(results.get(0).interCoreEvictions() > 0);
    assertTrue(results.get(1).interCoreEvictions() > 0);
  }

  @Test
  void sharedSampleRunsWithKitCountsOnTheKitLikePreset() throws IOException {
    Path sample = SharedMaterial.traceOrSkip("cbp2025/sample_int_trace.gz");
    CoreResult result = simulation(Machines.preset("cbp2025"), 0, Long.MAX_VALUE)
        .run(List.of(sample), LlcMode.SHARED).get(0);
    assertEquals(997_301, result.instructions());
    assertEquals(128_874, result.conditionalBranches());
    assertEquals(269_417 + 155_244, result.dataLevels().get(0).accesses());
    assertTrue(result.ipc() > 0 && result.ipc() <= 16, "ipc " + result.ipc());
  }

  private static long llcMisses(CoreResult result) {
    return result.dataLevels().get(result.dataLevels().size() - 1).misses()
        + result.instructionLevels().get(result.instructionLevels().size() - 1).misses();
  }
}
