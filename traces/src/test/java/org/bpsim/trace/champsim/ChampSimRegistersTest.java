package org.bpsim.trace.champsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.ExecutionClass;
import org.bpsim.trace.InstructionStream;
import org.bpsim.trace.TraceOpener;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The register operands of ChampSim records, as the instruction stream reports them. */
final class ChampSimRegistersTest {
  private static final int SP = ChampSimBranchKinds.REG_STACK_POINTER;
  private static final int FLAGS = ChampSimBranchKinds.REG_FLAGS;
  private static final int IP = ChampSimBranchKinds.REG_INSTRUCTION_POINTER;
  private static final long[] NONE = new long[0];

  @TempDir
  Path work;

  private interface Records {
    void write(ChampSimRecordWriter writer) throws IOException;
  }

  private InstructionStream stream(Records records) throws IOException {
    Path file = work.resolve("t" + System.nanoTime() + ".champsimtrace");
    try (ChampSimRecordWriter writer = new ChampSimRecordWriter(Files.newOutputStream(file))) {
      records.write(writer);
    }
    return TraceOpener.instructions(file);
  }

  private static List<Integer> sources(InstructionStream s) {
    List<Integer> registers = new ArrayList<>();
    for (int i = 0; i < s.sourceRegisters(); i++) {
      registers.add(s.sourceRegister(i));
    }
    return registers;
  }

  private static List<Integer> destinations(InstructionStream s) {
    List<Integer> registers = new ArrayList<>();
    for (int i = 0; i < s.destinationRegisters(); i++) {
      registers.add(s.destinationRegister(i));
    }
    return registers;
  }

  @Test
  void anAluOperationReportsItsRegistersWithoutTheEmptySlots() throws IOException {
    try (InstructionStream s = stream(w -> w.writeWithRegisters(0x1000, false,
        new int[] {10, FLAGS}, new int[] {0, 11, 0, 12}, NONE, 0, NONE, 0))) {
      assertTrue(s.next());
      assertEquals(List.of(11, 12), sources(s));
      assertEquals(List.of(10, FLAGS), destinations(s));
      assertNull(s.branchKind());
      assertFalse(s.isLoad());
      assertFalse(s.isStore());
      assertEquals(ExecutionClass.SIMPLE, s.executionClass());
      assertEquals(-1, s.baseUpdateRegister());
      assertEquals(-1, s.zeroRegister());
    }
  }

  @Test
  void theInstructionPointerIsNeverADependence() throws IOException {
    try (InstructionStream s = stream(w -> {
      // jz: reads the flags and the instruction pointer, writes the instruction pointer
      w.writeWithRegisters(0x1000, true, new int[] {IP, 0}, new int[] {IP, FLAGS, 0, 0}, NONE,
          0, NONE, 0);
      w.writeWithRegisters(0x2000, false, new int[] {IP, 0}, new int[] {IP, 0, 0, 0}, NONE, 0,
          NONE, 0);
    })) {
      assertTrue(s.next());
      assertEquals(BranchKind.CONDITIONAL, s.branchKind());
      assertTrue(s.taken());
      assertEquals(0x2000, s.target());
      assertEquals(List.of(FLAGS), sources(s));
      assertEquals(List.of(), destinations(s));
      assertTrue(s.next());
      assertEquals(BranchKind.DIRECT_JUMP, s.branchKind());
      assertEquals(List.of(), sources(s));
      assertEquals(List.of(), destinations(s));
    }
  }

  @Test
  void loadsAndStoresThatMoveTheStackPointerUpdateItAsAnAddress() throws IOException {
    try (InstructionStream s = stream(w -> {
      // call: reads and writes the stack pointer, stores the return address
      w.writeWithRegisters(0x1000, true, new int[] {IP, SP}, new int[] {IP, SP, 0, 0}, NONE, 0,
          new long[] {0x7ff0}, 1);
      // pop rbx: loads through the stack pointer, writes rbx and the stack pointer
      w.writeWithRegisters(0x2000, false, new int[] {3, SP}, new int[] {SP, 0, 0, 0},
          new long[] {0x7ff0}, 1, NONE, 0);
      // mov rax, [rbx]: a load that does not touch the stack pointer
      w.writeWithRegisters(0x2004, false, new int[] {10, 0}, new int[] {3, 0, 0, 0},
          new long[] {0x9000}, 1, NONE, 0);
      // sub rsp, 8: moves the stack pointer without memory
      w.writeWithRegisters(0x2008, false, new int[] {SP, FLAGS}, new int[] {SP, 0, 0, 0}, NONE,
          0, NONE, 0);
    })) {
      assertTrue(s.next());
      assertEquals(BranchKind.DIRECT_CALL, s.branchKind());
      assertTrue(s.isStore());
      assertEquals(List.of(SP), sources(s));
      assertEquals(List.of(SP), destinations(s));
      assertEquals(SP, s.baseUpdateRegister());
      assertTrue(s.next());
      assertTrue(s.isLoad());
      assertEquals(List.of(3, SP), destinations(s));
      assertEquals(SP, s.baseUpdateRegister());
      assertTrue(s.next());
      assertTrue(s.isLoad());
      assertEquals(-1, s.baseUpdateRegister());
      assertTrue(s.next());
      assertEquals(-1, s.baseUpdateRegister());
      assertFalse(s.next());
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  /**
   * Random records read back with their registers in order, minus the empty slots and the
   * instruction pointer, and with the branch kind ChampSim's rule gives the raw registers.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void randomRecordsReadBackWithTheirTrackedRegisters(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    int count = 1 + random.nextInt(300);
    int[][] destinations = new int[count][];
    int[][] sources = new int[count][];
    long[] loads = new long[count];
    long[] stores = new long[count];
    int[] pool = {0, 0, 0, 1, 3, 7, 10, 11, 56, 200, 255, SP, FLAGS, IP};
    for (int i = 0; i < count; i++) {
      destinations[i] = new int[2];
      sources[i] = new int[4];
      for (int k = 0; k < 2; k++) {
        destinations[i][k] = pool[random.nextInt(pool.length)];
      }
      for (int k = 0; k < 4; k++) {
        sources[i][k] = pool[random.nextInt(pool.length)];
      }
      loads[i] = random.nextInt(3) == 0 ? random.nextLong(1, 1L << 47) : 0;
      stores[i] = random.nextInt(4) == 0 ? random.nextLong(1, 1L << 47) : 0;
    }
    String where = "seed " + seed;
    try (InstructionStream s = stream(w -> {
      for (int i = 0; i < count; i++) {
        w.writeWithRegisters(0x400000 + 4L * i, random.nextBoolean(), destinations[i],
            sources[i], new long[] {loads[i]}, loads[i] == 0 ? 0 : 1, new long[] {stores[i]},
            stores[i] == 0 ? 0 : 1);
      }
    })) {
      for (int i = 0; i < count; i++) {
        assertTrue(s.next(), where);
        assertEquals(tracked(sources[i]), sources(s), where + ", record " + i);
        assertEquals(tracked(destinations[i]), destinations(s), where + ", record " + i);
        int code = ChampSimBranchKinds.classify(destinations[i], sources[i]);
        assertEquals(code == ChampSimBranchKinds.NOT_A_BRANCH ? null : BranchKind.ofCode(code),
            s.branchKind(), where + ", record " + i);
        assertEquals(loads[i] != 0, s.isLoad(), where);
        assertEquals(stores[i] != 0, s.isStore(), where);
        boolean movesSp = tracked(sources[i]).contains(SP)
            && tracked(destinations[i]).contains(SP) && (loads[i] != 0 || stores[i] != 0);
        assertEquals(movesSp ? SP : -1, s.baseUpdateRegister(), where + ", record " + i);
      }
      assertFalse(s.next(), where);
    }
  }

  private static List<Integer> tracked(int[] registers) {
    List<Integer> kept = new ArrayList<>();
    for (int r : registers) {
      if (r != 0 && r != IP) {
        kept.add(r);
      }
    }
    return kept;
  }

  /** The shared trace carries register operands: most instructions read or write some. */
  @Test
  void theSharedTraceHasRegisterOperands() throws IOException {
    Path trace = SharedMaterial.traceOrSkip("champsim/bzip2.champsimtrace.xz");
    long withRegisters = 0;
    long instructions = 0;
    try (InstructionStream s = TraceOpener.instructions(trace)) {
      while (instructions < 100_000 && s.next()) {
        instructions++;
        if (s.sourceRegisters() + s.destinationRegisters() > 0) {
          withRegisters++;
        }
        for (int i = 0; i < s.sourceRegisters(); i++) {
          assertTrue(s.sourceRegister(i) != 0 && s.sourceRegister(i) != IP);
        }
      }
    }
    assertTrue(withRegisters > instructions / 2, withRegisters + " of " + instructions);
  }
}
