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
import org.bpsim.trace.TraceOpener;
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
    try (TraceReader reader = TraceOpener.branches(file)) {
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
      try (TraceReader reader = TraceOpener.branches(file)) {
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
    bytes[8] = 3;
    Files.write(file, bytes);
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceOpener.branches(file));
    assertTrue(e.getMessage().contains("format version 3 is newer than this bpsim reads "
        + "(version 2)"), e.getMessage());
  }

  /** Offsets in a file written with source "test": the header's declared count and the trailer. */
  private static final int DECLARED_AT = 8 + 2 + 2 + 4 + "test".length();

  private static int trailerAt(byte[] bytes) {
    return bytes.length - 4 - BptLayout.TRAILER_COUNT_BYTES - 4;
  }

  private TraceFormatException readFails(Path file) {
    return assertThrows(TraceFormatException.class, () -> {
      try (TraceReader reader = TraceOpener.branches(file)) {
        readAll(reader, BranchBatch.DEFAULT_CAPACITY);
      }
    });
  }

  @ParameterizedTest
  @MethodSource("metadataBytes")
  void everyFlippedByteOfTheHeaderOrTrailerIsCaught(int fromEnd, int bit) throws IOException {
    // fromEnd >= 0: that many bytes before the trailer's end; < 0: byte -fromEnd - 1 of the header
    Path file = write(randomBranches(11, 10_000), 5, 123_456_789, "meta.bpt");
    byte[] bytes = Files.readAllBytes(file);
    int at = fromEnd >= 0 ? bytes.length - 1 - fromEnd : -fromEnd - 1;
    bytes[at] ^= (byte) (1 << bit);
    Files.write(file, bytes);
    TraceFormatException e = readFails(file);
    assertTrue(e.getMessage().startsWith(file + ": byte "), "byte " + at + " bit " + bit + ": "
        + e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> metadataBytes() {
    List<org.junit.jupiter.params.provider.Arguments> cases = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(0xb17);
    for (int i = 0; i < 28; i++) {
      cases.add(org.junit.jupiter.params.provider.Arguments.of(i, random.nextInt(8)));
    }
    // past the magic: version, flags, source length, source, declared count, header checksum
    for (int i = 8; i < DECLARED_AT + 8 + 4; i++) {
      cases.add(org.junit.jupiter.params.provider.Arguments.of(-i - 1, random.nextInt(8)));
    }
    return cases.stream();
  }

  @Test
  void aFlippedDeclaredInstructionCountIsNamedAsTheHeader() throws IOException {
    Path file = write(randomBranches(12, 100), 0, 1_000_000, "declared.bpt");
    byte[] bytes = Files.readAllBytes(file);
    bytes[DECLARED_AT + 2] ^= 0x01;
    Files.write(file, bytes);
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceOpener.branches(file));
    assertTrue(e.getMessage().startsWith(file + ": byte " + (DECLARED_AT + 8) + ": the header "
        + "is corrupt: checksum mismatch"), e.getMessage());
  }

  @Test
  void trailerCountsThatDisagreeWithTheChunksAreNamedByFieldAndOffset() throws IOException {
    Path file = write(randomBranches(13, 100), 0, -1, "counts.bpt");
    byte[] bytes = Files.readAllBytes(file);
    int trailer = trailerAt(bytes);
    // a trailer counting one branch more, with a checksum that matches it: as a buggy writer
    java.nio.ByteBuffer view = java.nio.ByteBuffer.wrap(bytes)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    view.putLong(trailer + 8, view.getLong(trailer + 8) + 1);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes, trailer, 4 + BptLayout.TRAILER_COUNT_BYTES);
    view.putInt(trailer + 4 + BptLayout.TRAILER_COUNT_BYTES, (int) crc.getValue());
    Files.write(file, bytes);
    TraceFormatException e = readFails(file);
    assertEquals(file + ": byte " + (trailer + 8) + ": corrupt .bpt trailer: field 'branches' "
        + "says 101, the chunks hold 100", e.getMessage());
  }

  @Test
  void aVersionOneFileIsReadWithAWarningThatNamesTheRewrite() throws IOException {
    List<BranchRecord> branches = randomBranches(14, 3000);
    Path file = write(branches, 7, 99_999_999, "old.bpt");
    byte[] bytes = Files.readAllBytes(file);
    int headerEnd = DECLARED_AT + 8;
    ByteArrayOutputStream old = new ByteArrayOutputStream();
    old.write(bytes, 0, headerEnd);
    old.write(bytes, headerEnd + 4, bytes.length - 4 - headerEnd - 4);
    byte[] v1 = old.toByteArray();
    v1[8] = 1;
    Path oldFile = dir.resolve("v1.bpt");
    Files.write(oldFile, v1);
    try (TraceReader reader = TraceOpener.branches(oldFile)) {
      assertEquals(branches, readAll(reader, BranchBatch.DEFAULT_CAPACITY));
      assertEquals(99_999_999, reader.declaredInstructions().getAsLong());
      List<String> warnings = reader.warnings();
      assertTrue(warnings.get(0).startsWith(oldFile + ": format version 1 has no checksum"),
          warnings.toString());
      assertTrue(warnings.get(0).contains("'bpsim convert " + oldFile + " NEW.bpt'"),
          warnings.toString());
    }
    try (TraceReader reader = TraceOpener.branches(file)) {
      readAll(reader, BranchBatch.DEFAULT_CAPACITY);
      assertEquals(1, reader.warnings().size(), "only the declared count: " + reader.warnings());
    }
  }

  @Test
  void aTruncatedFileSaysSo() throws IOException {
    Path file = write(randomBranches(9, 20000), 0, -1, "cut.bpt");
    byte[] bytes = Files.readAllBytes(file);
    for (int keep : new int[] {bytes.length - 1, bytes.length - 21, bytes.length / 2, 30}) {
      Path cut = dir.resolve("cut-" + keep + ".bpt");
      Files.write(cut, java.util.Arrays.copyOf(bytes, keep));
      TraceFormatException e = assertThrows(TraceFormatException.class, () -> {
        try (TraceReader reader = TraceOpener.branches(cut)) {
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
