package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.machine.MachineConfig;
import org.bpsim.machine.Machines;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.trace.champsim.ChampSimBranchKinds;
import org.bpsim.trace.champsim.ChampSimRecordWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Register dependences in ChampSim traces, timed with a perfect predictor and caches. */
final class ChampSimDependencesTest {
  private static final PredictorRegistry REGISTRY = PredictorRegistry.builtIn();
  private static final int SP = ChampSimBranchKinds.REG_STACK_POINTER;
  private static final int FLAGS = ChampSimBranchKinds.REG_FLAGS;
  private static final int IP = ChampSimBranchKinds.REG_INSTRUCTION_POINTER;
  private static final long[] NONE = new long[0];

  @TempDir
  Path folder;

  private interface Instruction {
    void write(ChampSimRecordWriter writer, long ip) throws IOException;
  }

  private Path trace(String name, int count, Instruction instruction) throws IOException {
    Path file = folder.resolve(name + ".champsimtrace");
    try (ChampSimRecordWriter writer = new ChampSimRecordWriter(Files.newOutputStream(file))) {
      for (int i = 0; i < count; i++) {
        instruction.write(writer, 0x400000 + 4L * i);
      }
    }
    return file;
  }

  /** Cycles for the first {@code counted} instructions, idealized: only dependences count. */
  private static long cycles(MachineConfig machine, Path trace, long counted) throws IOException {
    PredictorConfig gshare = REGISTRY.resolve("gshare");
    CoreResult result = new Simulation(machine, () -> REGISTRY.create(gshare), true, 0, counted,
        new Idealization(true, true)).run(List.of(trace), LlcMode.SHARED).get(0);
    assertEquals(counted, result.instructions());
    return result.cycles();
  }

  /** Cycles the second thousand instructions add to the first. */
  private static long perThousand(MachineConfig machine, Path trace) throws IOException {
    return cycles(machine, trace, 2000) - cycles(machine, trace, 1000);
  }

  /** add rax, rbx; add rax, rbx; ...: each waits for the one before. */
  @Test
  void aRegisterChainRunsAtOneOperationPerLatency() throws IOException {
    MachineConfig machine = Machines.preset("cbp2025");
    Path chain = trace("chain", 3000, (w, ip) -> w.writeWithRegisters(ip, false,
        new int[] {10, FLAGS}, new int[] {10, 11, 0, 0}, NONE, 0, NONE, 0));
    assertEquals(1000L * machine.core().latencies().simple(), perThousand(machine, chain));
  }

  /** The same operations on registers nobody writes fill the whole width. */
  @Test
  void independentOperationsRunAtTheWidth() throws IOException {
    MachineConfig machine = Machines.preset("cbp2025");
    Path independent = trace("independent", 3000, (w, ip) -> w.writeWithRegisters(ip, false,
        new int[] {12, FLAGS}, new int[] {10, 11, 0, 0}, NONE, 0, NONE, 0));
    assertEquals(1000L / machine.core().width(), perThousand(machine, independent), 1);
  }

  /**
   * mov rax, [rax] repeated: each load's address is the previous load's data, so a chain of
   * loads runs at one per address generation plus L1D hit.
   */
  @Test
  void aPointerChaseRunsAtOneLoadPerLoadToUseLatency() throws IOException {
    MachineConfig machine = Machines.preset("cbp2025");
    Path chase = trace("chase", 3000, (w, ip) -> w.writeWithRegisters(ip, false,
        new int[] {10, 0}, new int[] {10, 0, 0, 0}, new long[] {0x9000}, 1, NONE, 0));
    long perLoad = machine.core().latencies().addressGeneration()
        + machine.dataCaches().levels().get(0).latency();
    assertEquals(1000L * perLoad, perThousand(machine, chase));
  }

  /**
   * Conditional branches each read and write the instruction pointer; were it a dependence they
   * would run one per cycle. They are fetched (and run) a full group a cycle.
   */
  @Test
  void branchesDoNotWaitForEachOtherThroughTheInstructionPointer() throws IOException {
    MachineConfig machine = Machines.preset("cbp2025");
    Path branches = trace("branches", 3000, (w, ip) -> w.writeWithRegisters(ip, false,
        new int[] {IP, 0}, new int[] {IP, FLAGS, 0, 0}, NONE, 0, NONE, 0));
    assertEquals(1000L / machine.core().width(), perThousand(machine, branches), 1);
  }

  /**
   * push / pop pairs: the stack pointer they move is ready one simple operation after each
   * starts, not after the memory access, so the pairs run at one stack-pointer update a cycle.
   */
  @Test
  void stackPointerUpdatesOfPushAndPopAreAddressComputations() throws IOException {
    MachineConfig machine = Machines.preset("cbp2025");
    Path stack = trace("stack", 3000, (w, ip) -> {
      if ((ip & 4) == 0) {
        w.writeWithRegisters(ip, false, new int[] {SP, 0}, new int[] {SP, 12, 0, 0}, NONE, 0,
            new long[] {0x7fff0000L}, 1);
      } else {
        w.writeWithRegisters(ip, false, new int[] {SP, 13}, new int[] {SP, 0, 0, 0},
            new long[] {0x7fff0000L}, 1, NONE, 0);
      }
    });
    assertEquals(1000L * machine.core().latencies().simple(), perThousand(machine, stack));
  }
}
