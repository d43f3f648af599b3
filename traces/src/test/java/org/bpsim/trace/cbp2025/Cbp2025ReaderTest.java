package org.bpsim.trace.cbp2025;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.SharedMaterial;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceInput;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;
import org.bpsim.trace.memory.DataAccessBatch;
import org.bpsim.trace.memory.DataAccessReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class Cbp2025ReaderTest {
  private static final String SAMPLE = "cbp2025/sample_int_trace.gz";

  @TempDir
  Path folder;

  /** A short program: a loop of a load, a store, a not-taken and a taken branch, then a call. */
  private static byte[] program(int iterations) {
    Cbp2025RecordWriter writer = new Cbp2025RecordWriter();
    long pc = 0x400000;
    for (int i = 0; i < iterations; i++) {
      writer.alu(pc)
          .loadPairWithBaseUpdate(pc + 4, 0x10000 + 16L * i, 16)
          .store(pc + 8, 0x20000 + 8L * i, 8)
          .branch(pc + 12, InstructionClass.CONDITIONAL_BRANCH, false, 0)
          .branch(pc + 16, InstructionClass.CONDITIONAL_BRANCH, i + 1 < iterations, pc);
    }
    writer.branch(pc + 20, InstructionClass.DIRECT_CALL, true, 0x500000)
        .branch(0x500000, InstructionClass.RETURN, true, pc + 24)
        .alu(pc + 24);
    return writer.bytes();
  }

  private Path gzip(byte[] bytes, String name) throws IOException {
    Path file = folder.resolve(name);
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(bytes);
    }
    return file;
  }

  @Test
  void decodesBranchesWithKindsTargetsAndInstructionPositions() throws IOException {
    Path trace = gzip(program(3), "loop_trace.gz");
    try (TraceReader reader = TraceOpener.branches(trace)) {
      assertEquals(TraceFormat.CBP2025, reader.format());
      BranchBatch batch = new BranchBatch();
      assertEquals(8, reader.read(batch));
      assertEquals(BranchKind.CONDITIONAL, batch.kindAt(0));
      assertEquals(0x40000cL, batch.pc[0]);
      assertFalse(batch.taken[0]);
      assertEquals(0L, batch.target[0]);
      assertEquals(4, batch.position[0]);
      assertTrue(batch.taken[1]);
      assertEquals(0x400000L, batch.target[1]);
      assertEquals(5, batch.position[1]);
      assertFalse(batch.taken[5]);
      assertEquals(BranchKind.DIRECT_CALL, batch.kindAt(6));
      assertEquals(0x500000L, batch.target[6]);
      assertEquals(BranchKind.RETURN, batch.kindAt(7));
      assertEquals(17, batch.position[7]);
      assertEquals(0, reader.read(batch));
      assertEquals(18, reader.instructionsRead());
    }
  }

  @Test
  void deliversLoadsAndStoresWithAddressesAndSizes() throws IOException {
    Path trace = gzip(program(2), "loop_trace.gz");
    try (DataAccessReader reader = TraceOpener.dataAccesses(trace)) {
      DataAccessBatch batch = new DataAccessBatch();
      assertEquals(4, reader.read(batch));
      assertFalse(batch.isWrite(0));
      assertEquals(0x10000L, batch.address(0));
      assertEquals(16, batch.bytes(0));
      assertTrue(batch.isWrite(1));
      assertEquals(0x20000L, batch.address(1));
      assertEquals(8, batch.bytes(1));
      assertEquals(0x10010L, batch.address(2));
      assertEquals(0, reader.read(batch));
    }
  }

  @Test
  void truncatedLastRecordIsAnErrorNamingItsOffset() throws IOException {
    byte[] whole = program(2);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);
    Path trace = gzip(cut, "cut_trace.gz");
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> {
      try (TraceReader reader = TraceOpener.branches(trace, TraceFormat.CBP2025)) {
        BranchBatch batch = new BranchBatch();
        while (reader.read(batch) > 0) {
          // drain
        }
      }
    });
    assertTrue(e.getMessage().startsWith(trace + ": decompressed byte "), e.getMessage());
    assertTrue(e.getMessage().contains("(instruction 13): truncated CBP-2025 trace"),
        e.getMessage());
  }

  @Test
  void undefinedInstructionClassIsRejected() throws IOException {
    byte[] bytes = new Cbp2025RecordWriter().alu(0x1000).raw(4, 0x10, 0, 0, 0, 0, 0, 0, 8, 0, 0)
        .bytes();
    Path trace = gzip(bytes, "bad_trace.gz");
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> {
      try (TraceReader reader = TraceOpener.branches(trace, TraceFormat.CBP2025)) {
        reader.read(new BranchBatch());
      }
    });
    assertEquals(trace + ": decompressed byte 21 (instruction 2): invalid instruction class 8 "
        + "(valid: 0-7, 9-11)", e.getMessage());
  }

  @Test
  void continuityTellsCbp2025FromOtherBinaryContent() {
    assertTrue(Cbp2025Decoder.plausible(program(40)));
    byte[] broken = program(40);
    broken[0] ^= 0x40;   // the first pc no longer leads to the second
    assertFalse(Cbp2025Decoder.plausible(broken));
    byte[] champSimLike = new byte[4096];
    for (int r = 0; r < 64; r++) {
      long ip = 0x401000 + 4L * r;
      for (int i = 0; i < 8; i++) {
        champSimLike[r * 64 + i] = (byte) (ip >>> (8 * i));
      }
      champSimLike[r * 64 + 10] = 25;
    }
    assertFalse(Cbp2025Decoder.plausible(champSimLike));
    assertEquals(TraceFormat.CHAMPSIM, TraceFormat.detect(champSimLike, "renamed.bin"));
    assertEquals(TraceFormat.CBP2025, TraceFormat.detect(program(40), "renamed.bin"));
  }

  @Test
  void sharedSampleMatchesTheKitCounts() throws IOException {
    Path sample = SharedMaterial.traceOrSkip(SAMPLE);
    long[] byClass = new long[InstructionClass.COUNT];
    long takenConditional = 0;
    long discontinuities = 0;
    try (TraceInput input = TraceInput.open(sample)) {
      Cbp2025Decoder decoder = new Cbp2025Decoder(input);
      long expected = -1;
      while (decoder.next()) {
        byClass[decoder.instructionClass()]++;
        if (decoder.instructionClass() == InstructionClass.CONDITIONAL_BRANCH
            && decoder.taken()) {
          takenConditional++;
        }
        if (expected >= 0 && decoder.pc() != expected) {
          discontinuities++;
        }
        expected = decoder.nextPc();
      }
      assertEquals(997_301, decoder.records(), "instructions");
    }
    assertEquals(128_874, byClass[InstructionClass.CONDITIONAL_BRANCH], "conditional branches");
    assertEquals(67_965, takenConditional, "taken conditional branches");
    assertEquals(269_417, byClass[InstructionClass.LOAD], "loads");
    assertEquals(155_244, byClass[InstructionClass.STORE], "stores");
    assertEquals(25_846, byClass[InstructionClass.DIRECT_JUMP]
        + byClass[InstructionClass.DIRECT_CALL], "JumpDirect");
    assertEquals(14_255, byClass[InstructionClass.INDIRECT_JUMP]
        + byClass[InstructionClass.INDIRECT_CALL], "JumpIndirect");
    assertEquals(12_902, byClass[InstructionClass.RETURN], "JumpReturn");
    assertEquals(0, discontinuities, "pc continuity");
  }

  @Test
  void sharedSampleIsDetectedAndReplayedAsBranches() throws IOException {
    Path sample = SharedMaterial.traceOrSkip(SAMPLE);
    long branches = 0;
    long conditionals = 0;
    long lastPosition = 0;
    try (TraceReader reader = TraceOpener.branches(sample)) {
      assertEquals(TraceFormat.CBP2025, reader.format());
      BranchBatch batch = new BranchBatch();
      int n;
      while ((n = reader.read(batch)) > 0) {
        for (int i = 0; i < n; i++) {
          branches++;
          if (batch.kindAt(i) == BranchKind.CONDITIONAL) {
            conditionals++;
          }
          assertTrue(batch.position[i] > lastPosition, "positions increase");
          lastPosition = batch.position[i];
        }
      }
      assertEquals(997_301, reader.instructionsRead());
    }
    assertEquals(128_874, conditionals);
    assertEquals(128_874 + 25_846 + 14_255 + 12_902, branches);
  }

  @Test
  void otherSharedTracesAreNotTakenForCbp2025() throws IOException {
    Path shared = SharedMaterial.folder();
    Path[] others = {shared.resolve("traces/champsim/bzip2.champsimtrace.xz"),
        shared.resolve("traces/cbp2016/SHORT_MOBILE-1.bt9.trace.gz")};
    int checked = 0;
    for (Path other : others) {
      if (!Files.isRegularFile(other)) {
        continue;
      }
      try (TraceInput input = TraceInput.open(other)) {
        byte[] head = input.peek(4096);
        assertFalse(Cbp2025Decoder.plausible(head), other.toString());
        assertTrue(TraceFormat.detect(head, "renamed") != TraceFormat.CBP2025, other.toString());
        checked++;
      }
    }
    Assumptions.assumeTrue(checked > 0, SharedMaterial.notFound(List.of(others)));
  }
}
