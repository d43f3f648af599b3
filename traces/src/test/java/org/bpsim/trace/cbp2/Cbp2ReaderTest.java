package org.bpsim.trace.cbp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.BranchRecord;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class Cbp2ReaderTest {
  @TempDir
  Path dir;

  /** A branch as the generator made it: the kit's record code, address and target. */
  private record Generated(int code, int address, int target) {
  }

  static LongStream seeds() {
    return new SplittableRandom(2006).longs(200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void decodesWhatTheKitsCompressionEncodes(long seed) throws IOException {
    List<Generated> branches = program(new SplittableRandom(seed), 3000);
    Cbp2Encoder encoder = new Cbp2Encoder();
    for (Generated b : branches) {
      encoder.branch(b.code(), b.address(), b.target());
    }
    Path file = write("random.trace", encoder.bytes());

    List<BranchRecord> decoded = readAll(file);
    assertEquals(branches.size(), decoded.size(), "seed " + seed);
    for (int i = 0; i < branches.size(); i++) {
      Generated want = branches.get(i);
      BranchRecord got = decoded.get(i);
      String where = "seed " + seed + ", branch " + i;
      assertEquals(want.address() & 0xffff_ffffL, got.pc(), where);
      assertEquals(want.target() & 0xffff_ffffL, got.target(), where);
      assertEquals(kindOf(want.code()), got.kind(), where);
      assertEquals((want.code() >>> 4) != 2, got.taken(), where);
    }
    assertEquals(Cbp2Reader.INSTRUCTIONS_PER_TRACE, decoded.get(decoded.size() - 1).position(),
        "seed " + seed + ": the last branch closes the kit's 100M instructions");
  }

  @Test
  void compressesMostBranchesOfARepetitiveProgramToOneByte() throws IOException {
    List<Generated> branches = program(new SplittableRandom(7), 20_000);
    Cbp2Encoder encoder = new Cbp2Encoder();
    branches.forEach(b -> encoder.branch(b.code(), b.address(), b.target()));
    // Guards the test generator itself: table hits and return-stack hits must be exercised.
    assertTrue(encoder.bytes().length < branches.size() * 3,
        "generator produced too few table hits: " + encoder.bytes().length + " bytes");
    assertTrue(encoder.tableHits > 1000 && encoder.returnStackHits > 100 && encoder.fixes > 10,
        "hits " + encoder.tableHits + ", return-stack hits " + encoder.returnStackHits
            + ", fixes " + encoder.fixes);
    assertEquals(branches.size(), readAll(write("r.trace", encoder.bytes())).size());
  }

  @Test
  void spreadsTheDeclaredInstructionsEvenlyOverTheBranches() throws IOException {
    Cbp2Encoder encoder = new Cbp2Encoder();
    for (int i = 0; i < 4; i++) {
      encoder.branch(0x30, 0x1000 + 16 * i, 0x2000);
    }
    Path file = write("four.trace", encoder.bytes());
    try (TraceReader reader = TraceOpener.branches(file)) {
      BranchBatch batch = new BranchBatch();
      assertEquals(4, reader.read(batch));
      assertEquals(List.of(25_000_000L, 50_000_000L, 75_000_000L, 100_000_000L),
          Arrays.stream(batch.position, 0, 4).boxed().toList());
      assertEquals(0, reader.read(batch));
      assertEquals(100_000_000L, reader.instructionsRead());
      assertEquals(100_000_000L, reader.declaredInstructions().getAsLong());
      assertTrue(reader.hasInstructionCounts());
    }
  }

  @Test
  void detectsKitTracesByNameAndFraming() throws IOException {
    Cbp2Encoder encoder = new Cbp2Encoder();
    encoder.branch(0x14, 0x0808961d, 0x08089628);
    encoder.branch(0x14, 0x0808961d, 0x08089628);
    byte[] head = encoder.bytes();
    assertEquals(TraceFormat.CBP2, TraceFormat.detect(head, "gcc.trace.bz2"));
    assertEquals(TraceFormat.CBP2, TraceFormat.detect(head, "gcc.trace"));
    assertNotEquals(TraceFormat.CBP2, TraceFormat.detect(head, "gcc.bin"));
    assertNotEquals(TraceFormat.CBP2, TraceFormat.detect(new byte[] {0x00, 1, 2, 3, 4, 5, 6, 7,
        8, 9}, "gcc.trace"), "a stream cannot start with a table hit");
    assertNotEquals(TraceFormat.CBP2, TraceFormat.detect(new byte[] {0x14, 1, 2, 3, 4, 5, 6, 7,
        8, (byte) 0x95}, "gcc.trace"));
  }

  @Test
  void namesFileAndOffsetOfATruncatedRecord() throws IOException {
    Cbp2Encoder encoder = new Cbp2Encoder();
    encoder.branch(0x30, 0x1000, 0x2000);
    encoder.branch(0x30, 0x3000, 0x4000);
    byte[] bytes = Arrays.copyOf(encoder.bytes(), 14);
    Path file = write("cut.trace", bytes);
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> readAll(file));
    assertEquals(file + ": decompressed byte 9: truncated CBP-2 trace: the last record has 5 of "
        + "its 9 bytes", e.getMessage());
  }

  @Test
  void namesFileAndOffsetOfAByteThatOpensNoRecord() throws IOException {
    Cbp2Encoder encoder = new Cbp2Encoder();
    encoder.branch(0x30, 0x1000, 0x2000);
    byte[] bytes = Arrays.copyOf(encoder.bytes(), 10);
    bytes[9] = (byte) 0x9c;
    Path file = write("bad.trace", bytes);
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> readAll(file));
    assertTrue(e.getMessage().startsWith(file + ": decompressed byte 9: corrupt CBP-2 trace: "
        + "byte 0x9c opens no record"), e.getMessage());
  }

  @Test
  void rejectsAHitOnAnEmptyTableSlot() throws IOException {
    Cbp2Encoder encoder = new Cbp2Encoder();
    encoder.branch(0x30, 0x1000, 0x2000);
    byte[] bytes = Arrays.copyOf(encoder.bytes(), 10);
    bytes[9] = 3;
    Path file = write("empty-slot.trace", bytes);
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> readAll(file));
    assertEquals(file + ": decompressed byte 9: corrupt CBP-2 trace: table hit 3 names an empty "
        + "slot of the recent-branch table", e.getMessage());
  }

  @Test
  void rejectsAFixByteAtTheEnd() throws IOException {
    Cbp2Encoder encoder = new Cbp2Encoder();
    encoder.branch(0x30, 0x1000, 0x2000);
    byte[] bytes = Arrays.copyOf(encoder.bytes(), 10);
    bytes[9] = (byte) 0x82;
    Path file = write("fix.trace", bytes);
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> readAll(file));
    assertEquals(file + ": decompressed byte 9: truncated CBP-2 trace: ends after a "
        + "return-target fix byte", e.getMessage());
  }

  /**
   * A random "program": a few static branches revisited in loops, calls whose returns mostly go
   * back to the call's address + 5 (+2 for indirect calls), sometimes with the 2/-3 fixes and
   * sometimes elsewhere, so every path of the decoder is taken.
   */
  private static List<Generated> program(SplittableRandom random, int count) {
    int statics = 4 + random.nextInt(60);
    int[] address = new int[statics];
    int[] code = new int[statics];
    int[] target = new int[statics];
    for (int s = 0; s < statics; s++) {
      address[s] = 0x0804_0000 + random.nextInt(1 << 20);
      code[s] = (1 + random.nextInt(7)) << 4 | random.nextInt(16);
      if ((code[s] >>> 4) == 7) {
        code[s] = 0x70;
      }
      target[s] = 0x0804_0000 + random.nextInt(1 << 20);
    }
    List<Generated> out = new ArrayList<>();
    List<Integer> calls = new ArrayList<>();
    int s = 0;
    for (int i = 0; i < count; i++) {
      // Mostly a fixed walk, so that the same branch tends to follow the same target.
      s = random.nextInt(5) == 0 ? random.nextInt(statics) : (s + 1) % statics;
      int kind = code[s] >>> 4;
      int branchCode = code[s];
      int branchTarget = target[s];
      if (kind == 1 || kind == 2) {
        boolean taken = random.nextInt(4) != 0;
        branchCode = (taken ? 0x10 : 0x20) | (code[s] & 15);
        branchTarget = taken ? target[s] : address[s] + 6;
      } else if (kind == 4 || kind == 6) {
        branchTarget = target[s] + 64 * random.nextInt(3);
      }
      if (kind == 5) {
        calls.add(address[s] + 5);
      } else if (kind == 6) {
        calls.add(address[s] + 2);
      } else if (kind == 7) {
        int back = calls.isEmpty() ? target[s] : calls.remove(calls.size() - 1);
        int r = random.nextInt(10);
        branchTarget = r < 6 ? back : r == 6 ? back + 2 : r == 7 ? back - 3
            : r == 8 ? target[s] : random.nextInt();
      }
      out.add(new Generated(branchCode, address[s], branchTarget));
    }
    return out;
  }

  private static BranchKind kindOf(int code) {
    return switch (code >>> 4) {
      case 1, 2 -> BranchKind.CONDITIONAL;
      case 3 -> BranchKind.DIRECT_JUMP;
      case 4 -> BranchKind.INDIRECT_JUMP;
      case 5 -> BranchKind.DIRECT_CALL;
      case 6 -> BranchKind.INDIRECT_CALL;
      default -> BranchKind.RETURN;
    };
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  private static List<BranchRecord> readAll(Path file) throws IOException {
    List<BranchRecord> records = new ArrayList<>();
    try (TraceReader reader = TraceOpener.branches(file, TraceFormat.CBP2)) {
      BranchBatch batch = new BranchBatch(1000);
      int n;
      while ((n = reader.read(batch)) > 0) {
        for (int i = 0; i < n; i++) {
          records.add(batch.recordAt(i));
        }
      }
    }
    return records;
  }
}
