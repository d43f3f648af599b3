package org.bpsim.trace.bpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.BranchRecord;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class BptRoundTripTest {
  @TempDir
  Path dir;

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0x5eedL * 31 + i);
  }

  /** Random branches with the shapes real traces have: loops, far jumps, huge gaps, no target. */
  static List<BranchRecord> randomBranches(long seed) {
    return randomBranches(seed, new SplittableRandom(seed ^ 1).nextInt(0,
        3 * BptLayout.CHUNK_BRANCHES));
  }

  static List<BranchRecord> randomBranches(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    List<BranchRecord> branches = new ArrayList<>(count);
    long position = 0;
    long pc = random.nextLong();
    BranchKind[] kinds = BranchKind.values();
    for (int i = 0; i < count; i++) {
      int shape = random.nextInt(10);
      pc = shape < 6 ? pc + random.nextInt(-64, 64) : shape < 9 ? random.nextLong(0, 1L << 48)
          : random.nextLong();
      long target = random.nextInt(4) == 0 ? 0 : random.nextInt(3) == 0 ? random.nextLong()
          : pc + random.nextInt(-4096, 4096);
      position += random.nextInt(8) == 0 ? 1 + random.nextLong(1L << 40) : 1 + random.nextInt(12);
      BranchKind kind = kinds[random.nextInt(kinds.length)];
      boolean taken = !kind.isConditional() || random.nextBoolean();
      // a quarter of the streams have 4-byte aligned addresses, as ARM code does
      int alignment = seed % 4 == 1 ? 2 : 0;
      branches.add(BranchRecord.of(pc << alignment, target << alignment, kind, taken, position));
    }
    return branches;
  }

  private Path write(List<BranchRecord> branches, long trailing, long declared, String name)
      throws IOException {
    Path file = dir.resolve(name);
    try (var out = Files.newOutputStream(file);
        BptWriter writer = new BptWriter(out, "test", true, declared)) {
      BranchBatch batch = new BranchBatch(1000);
      for (BranchRecord b : branches) {
        if (batch.isFull()) {
          writer.write(batch);
          batch.clear();
        }
        batch.add(b.pc(), b.target(), b.kind(), b.taken(), b.position());
      }
      writer.write(batch);
      long last = branches.isEmpty() ? 0 : branches.get(branches.size() - 1).position();
      writer.finish(last + trailing);
    }
    return file;
  }

  private static List<BranchRecord> readAll(TraceReader reader, int batchCapacity)
      throws IOException {
    List<BranchRecord> read = new ArrayList<>();
    BranchBatch batch = new BranchBatch(batchCapacity);
    while (reader.read(batch) > 0) {
      for (int i = 0; i < batch.size(); i++) {
        BranchRecord r = batch.recordAt(i);
        read.add(BranchRecord.of(r.pc(), r.target(), r.kind(), r.taken(), r.position()));
      }
    }
    return read;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void writingThenReadingGivesBackEveryBranch(long seed) throws IOException {
    List<BranchRecord> branches = randomBranches(seed);
    long trailing = new SplittableRandom(seed).nextInt(0, 100);
    Path file = write(branches, trailing, seed % 2 == 0 ? -1 : 12345, "t.bpt");
    // a small batch exercises chunks larger than the caller's batch
    int capacity = seed % 3 == 0 ? 1000 : BranchBatch.DEFAULT_CAPACITY;
    try (TraceReader reader = Traces.open(file)) {
      assertEquals(TraceFormat.BPT, reader.format(), "seed " + seed);
      assertEquals(branches, readAll(reader, capacity), "seed " + seed);
      long last = branches.isEmpty() ? 0 : branches.get(branches.size() - 1).position();
      assertEquals(last + trailing, reader.instructionsRead(), "seed " + seed);
      assertEquals(seed % 2 == 0, reader.declaredInstructions().isEmpty(), "seed " + seed);
    }
  }

  @Test
  void aFlippedByteIsCaughtByTheChunkChecksumAndNamed() throws IOException {
    Path file = write(randomBranches(7, 20000), 0, -1, "flip.bpt");
    byte[] bytes = Files.readAllBytes(file);
    int offset = bytes.length / 2;
    bytes[offset] ^= 0x10;
    Files.write(file, bytes);
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> {
      try (TraceReader reader = Traces.open(file)) {
        readAll(reader, BranchBatch.DEFAULT_CAPACITY);
      }
    });
    assertTrue(e.getMessage().startsWith(file + ": byte "), e.getMessage());
    assertTrue(e.getMessage().matches(".*chunk \\d+ is corrupt.*"), e.getMessage());
  }

  @Test
  void aNewerFormatVersionIsRefusedWithBothVersions() throws IOException {
    Path file = write(randomBranches(8), 0, -1, "new.bpt");
    byte[] bytes = Files.readAllBytes(file);
    bytes[8] = 2;
    Files.write(file, bytes);
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> Traces.open(file));
    assertTrue(e.getMessage().contains("format version 2 is newer than this bpsim reads "
        + "(version 1)"), e.getMessage());
  }

  @Test
  void aTruncatedFileSaysSo() throws IOException {
    Path file = write(randomBranches(9, 20000), 0, -1, "cut.bpt");
    byte[] bytes = Files.readAllBytes(file);
    for (int keep : new int[] {bytes.length - 1, bytes.length - 21, bytes.length / 2, 30}) {
      Path cut = dir.resolve("cut-" + keep + ".bpt");
      Files.write(cut, java.util.Arrays.copyOf(bytes, keep));
      TraceFormatException e = assertThrows(TraceFormatException.class, () -> {
        try (TraceReader reader = Traces.open(cut)) {
          readAll(reader, BranchBatch.DEFAULT_CAPACITY);
        }
      });
      assertTrue(e.getMessage().contains("truncated .bpt trace"), e.getMessage());
    }
  }

  @Test
  void anUnfinishedWriterRefusesToCloseQuietly() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BptWriter writer = new BptWriter(out, "test", true, -1);
    assertThrows(IllegalStateException.class, writer::close);
  }
}
