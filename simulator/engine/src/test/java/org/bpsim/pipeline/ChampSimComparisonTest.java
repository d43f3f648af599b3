package org.bpsim.pipeline;

import org.bpsim.trace.ProjectRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.machine.MachineConfig;
import org.bpsim.machine.Machines;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the {@code champsim} preset against ChampSim's own runs
 * ({@code ../shared/reference/champsim/runs.csv}, ChampSim 2ff25011, default configuration),
 * so that a change to the model or the preset that moves the comparison is noticed: bpsim's IPC
 * on the bundled samples within 10 % of ChampSim's, and on xz (500,000 warmup + 2,000,000
 * instructions, as ChampSim ran them), and how far it is from ChampSim's (docs/pipeline.md has
 * the whole table and what the gaps are).
 */
final class ChampSimComparisonTest {
  private static final PredictorRegistry REGISTRY = PredictorRegistry.builtIn();

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      // trace, ChampSim predictor, bpsim IPC today, largest gap to ChampSim's IPC today (%)
      "gzip, gshare, 0.89951, 10",
      "python3, hashed_perceptron, 1.69394, 10",
      "grep, gshare, 2.22809, 10",
      "cc1, gshare, 0.70603, 10",
      "perl, gshare, 1.66436, 10",
      "sqlite3, gshare, 1.37834, 10",
      // Not within 10 % yet (docs/pipeline.md says why): pinned so that a move is noticed.
      "xz, gshare, 1.34314, 11",
  })
  void ipcAgainstChampSim(String trace, String predictor, double bpsimIpc, double gapPercent)
      throws IOException {
    Path runs = SharedMaterial.referenceOrSkip("champsim/runs.csv");
    Path sample = ProjectRoot.resolve("traces/samples/" + trace + ".champsimtrace.xz");
    assumeTrue(Files.isRegularFile(sample), "SKIPPED: sample not found: " + sample);
    String[] row = reference(runs, trace, predictor);
    long warmup = Long.parseLong(row[5]);
    long counted = Long.parseLong(row[6]);
    double champsimIpc = Double.parseDouble(row[9]);

    MachineConfig machine = Machines.preset("champsim");
    PredictorConfig config = REGISTRY.resolve("champsim-" + predictor.replace('_', '-'));
    CoreResult result = new Simulation(machine, () -> REGISTRY.create(config), true, warmup,
        counted).run(List.of(sample), LlcMode.SHARED).get(0);

    assertEquals(bpsimIpc, result.ipc(), 1e-5, trace + " bpsim IPC");
    double gap = 100 * Math.abs(result.ipc() / champsimIpc - 1);
    assertTrue(gap <= gapPercent, trace + ": bpsim " + result.ipc() + " against ChampSim's "
        + champsimIpc + " (" + gap + " %)");
  }

  /**
   * The preset without its {@code "tlb"} object gives main's figures from before translation
   * was modelled, exactly: a machine without the key runs as it always did.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "gzip, gshare, 0.90133",
      "python3, hashed_perceptron, 1.80819",
      "grep, gshare, 2.24697",
  })
  void withoutTranslationAsBefore(String trace, String predictor, double ipcBefore)
      throws IOException {
    Path sample = ProjectRoot.resolve("traces/samples/" + trace + ".champsimtrace.xz");
    assumeTrue(Files.isRegularFile(sample), "SKIPPED: sample not found: " + sample);
    MachineConfig preset = Machines.preset("champsim");
    MachineConfig machine = new MachineConfig(preset.name(), preset.description(),
        preset.core(), preset.instructionCache(), preset.dataCaches(), preset.memory());
    PredictorConfig config = REGISTRY.resolve("champsim-" + predictor.replace('_', '-'));
    CoreResult result = new Simulation(machine, () -> REGISTRY.create(config), true, 500_000,
        2_000_000).run(List.of(sample), LlcMode.SHARED).get(0);
    assertEquals(ipcBefore, result.ipc(), 1e-5, trace + " IPC without translation");
    assertTrue(result.translation().isEmpty(), "no translation counts without TLBs");
  }

  private static String[] reference(Path runs, String trace, String predictor)
      throws IOException {
    for (String line : Files.readAllLines(runs)) {
      String[] f = line.split(",");
      if (f[1].equals("1") && f[3].equals(trace) && f[4].equals(predictor)) {
        return f;
      }
    }
    throw new AssertionError(runs + " has no single-core " + trace + " " + predictor + " row");
  }
}
