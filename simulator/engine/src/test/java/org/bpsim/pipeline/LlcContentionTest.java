package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.machine.MachineConfig;
import org.bpsim.machine.Machines;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A constructed case where the LLC is contended: on the {@code champsim} machine (2 MB LLC), one
 * core walks 1.25 MB of data, which fits the shared LLC beside a small neighbour's but not a
 * private half (1 MB); the shared and private modes must then give that core different LLC
 * misses and a different IPC, the shared one the fewer misses.
 */
final class LlcContentionTest {
  private static final PredictorRegistry REGISTRY = PredictorRegistry.builtIn();

  @TempDir
  Path folder;

  @Test
  void sharedAndPrivateLlcDifferWhereTheFootprintFitsOnlyTheSharedOne() throws IOException {
    // 1.25 MB = 20,480 lines; 40,000 blocks of about 4.7 accesses touch each line about 9 times.
    Path large = SyntheticTrace.randomMemory(folder.resolve("large_trace.gz"), 11, 40_000,
        20_480);
    Path small = SyntheticTrace.randomMemory(folder.resolve("small_trace.gz"), 12, 40_000, 256);
    MachineConfig machine = Machines.preset("champsim");
    PredictorConfig gshare = REGISTRY.resolve("gshare");
    Simulation simulation = new Simulation(machine, () -> REGISTRY.create(gshare), true, 160_000,
        Long.MAX_VALUE);
    CoreResult shared = simulation.run(List.of(large, small), LlcMode.SHARED).get(0);
    CoreResult split = simulation.run(List.of(large, small), LlcMode.PRIVATE).get(0);
    long sharedMisses = shared.dataLevels().get(2).misses();
    long privateMisses = split.dataLevels().get(2).misses();
    assertTrue(privateMisses > 2 * sharedMisses, "LLC misses: shared " + sharedMisses
        + ", private " + privateMisses);
    assertNotEquals(shared.cycles(), split.cycles());
    assertTrue(shared.ipc() > split.ipc(), "IPC shared " + shared.ipc() + ", private "
        + split.ipc());
  }
}
