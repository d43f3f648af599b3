package org.bpsim.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bpsim.machine.Machines;
import org.bpsim.pipeline.CoreResult;
import org.bpsim.pipeline.Idealization;
import org.bpsim.pipeline.LlcMode;
import org.bpsim.pipeline.Simulation;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.trace.TraceInput;
import org.bpsim.trace.champsim.ChampSimReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorded traces carry each instruction's registers: a dependence chain recorded from a real
 * program runs at one instruction per latency, and a real program's instructions nearly all have
 * registers the disassembly parser understood.
 */
final class RecordedRegistersTest {
  private static final PredictorRegistry REGISTRY = PredictorRegistry.builtIn();

  @TempDir
  static Path work;

  @BeforeAll
  static void needsGccAndQemu() throws IOException {
    TestPrograms.assumeGccAndQemu();
    TestPrograms.copy(work, "freestanding.h", "chain.c");
  }

  @Test
  void aRecordedDependenceChainRunsAtAboutOneInstructionPerLatency() throws Exception {
    Path binary = TestPrograms.compile(work, "chain", "-O1");
    Path trace = work.resolve("chain.champsimtrace.xz");
    QemuRecorder.Recording recording = QemuRecorder.record(trace, 0, Long.MAX_VALUE,
        List.of(binary.toString()), Redirect.DISCARD, true, Map.of());
    assertEquals(0, recording.summary().unrecognisedInstructions());
    Path stripped = work.resolve("chain-without-registers.champsimtrace");
    Registers registers = copyWithoutRegisters(trace, stripped);
    assertTrue(registers.withRegisters > 0.99 * registers.nonBranches, registers.toString());

    double latency = Machines.preset("cbp2025").core().latencies().simple();
    double withRegisters = ipc(trace);
    double without = ipc(stripped);
    // 100 dependent additions per 4 loop instructions: a little over one per latency.
    assertTrue(withRegisters > 0.9 / latency && withRegisters < 1.2 / latency,
        String.format(Locale.ROOT, "IPC %.3f", withRegisters));
    assertTrue(without > 2 * withRegisters,
        String.format(Locale.ROOT, "IPC %.3f with registers, %.3f without", withRegisters,
            without));
  }

  @Test
  void aRealProgramsInstructionsNearlyAllCarryUnderstoodRegisters() throws Exception {
    Path gzip = Path.of("/bin/gzip");
    Path input = Path.of("/etc/services");
    Assumptions.assumeTrue(Files.isExecutable(gzip) && Files.isReadable(input),
        "skipped: needs /bin/gzip and /etc/services");
    Path trace = work.resolve("gzip.champsimtrace.xz");
    QemuRecorder.Recording recording = QemuRecorder.record(trace, 200_000, 1_000_000,
        List.of(gzip.toString(), "-9", "-c", input.toString()), Redirect.DISCARD, true,
        Map.of());
    RecordingSummary summary = recording.summary();
    assertEquals(1_000_000, summary.instructions());
    // The fallback (every register read, the last one written) should be rare.
    assertTrue(summary.unrecognisedInstructions() < summary.instructions() / 1000,
        summary.unrecognisedInstructions() + " unrecognised");
    Registers registers = copyWithoutRegisters(trace, work.resolve("gzip-stripped.trace"));
    assertTrue(registers.withRegisters > 0.9 * registers.nonBranches, registers.toString());
  }

  private static double ipc(Path trace) throws IOException {
    PredictorConfig gshare = REGISTRY.resolve("gshare");
    CoreResult result = new Simulation(Machines.preset("cbp2025"),
        () -> REGISTRY.create(gshare), true, 0, Long.MAX_VALUE, new Idealization(true, true))
        .run(List.of(trace), LlcMode.SHARED).get(0);
    return result.ipc();
  }

  private record Registers(long nonBranches, long withRegisters) {
  }

  /** Copies a ChampSim trace with the non-branch records' registers cleared, and counts them. */
  private static Registers copyWithoutRegisters(Path from, Path to) throws IOException {
    long nonBranches = 0;
    long withRegisters = 0;
    byte[] record = new byte[ChampSimReader.RECORD_BYTES];
    try (TraceInput in = TraceInput.open(from); OutputStream out = Files.newOutputStream(to)) {
      while (in.readFully(record, 0, record.length) == record.length) {
        if (record[8] == 0) {
          nonBranches++;
          boolean any = false;
          for (int i = 10; i < 16; i++) {
            any |= record[i] != 0;
            record[i] = 0;
          }
          withRegisters += any ? 1 : 0;
        }
        out.write(record);
      }
    }
    return new Registers(nonBranches, withRegisters);
  }
}
