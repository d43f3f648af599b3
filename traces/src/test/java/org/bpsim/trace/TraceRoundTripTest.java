package org.bpsim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.bt9.Bt9TraceWriter;
import org.bpsim.trace.champsim.ChampSimTraceWriter;
import org.bpsim.trace.text.TextTraceWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: what a writer writes, the reader gives back, for random branch streams in every
 * format and compression. Each case is a seed; a failure names it so it can be replayed alone.
 */
final class TraceRoundTripTest {
  private static final List<BranchKind> ALL_KINDS = List.of(BranchKind.values());
  private static final List<BranchKind> FLAGGED_KINDS = List.of(BranchKind.CONDITIONAL,
      BranchKind.DIRECT_JUMP, BranchKind.INDIRECT_JUMP, BranchKind.DIRECT_CALL,
      BranchKind.INDIRECT_CALL, BranchKind.RETURN);

  @TempDir
  Path folder;

  static LongStream seeds() {
    return LongStream.range(0, 250).map(i -> 0x5eed0000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void twoColumnTextRoundTrips(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<BranchRecord> written = RandomBranches.stream(random, 400,
        List.of(BranchKind.CONDITIONAL));
    Path file = folder.resolve("trace.txt");
    try (TraceWriter writer = new TextTraceWriter(file, compression(random),
        TextTraceWriter.Layout.TWO_COLUMNS)) {
      for (BranchRecord r : written) {
        writer.write(r);
      }
    }
    List<BranchRecord> expected = new ArrayList<>();
    for (int i = 0; i < written.size(); i++) {
      BranchRecord r = written.get(i);
      expected.add(BranchRecord.of(r.pc(), 0, r.kind(), r.taken(), i + 1));
    }
    assertReadsBack(seed, file, random, expected, false, OptionalLong.empty());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sevenColumnTextRoundTrips(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<BranchRecord> written = RandomBranches.stream(random, 400, FLAGGED_KINDS);
    Path file = folder.resolve("trace.txt");
    try (TraceWriter writer = new TextTraceWriter(file, compression(random),
        TextTraceWriter.Layout.SEVEN_COLUMNS)) {
      for (BranchRecord r : written) {
        writer.write(r);
      }
    }
    List<BranchRecord> expected = new ArrayList<>();
    for (int i = 0; i < written.size(); i++) {
      BranchRecord r = written.get(i);
      expected.add(BranchRecord.of(r.pc(), r.target(), r.kind(), r.taken(), i + 1));
    }
    assertReadsBack(seed, file, random, expected, false, OptionalLong.empty());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void champSimRoundTrips(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<BranchRecord> written = RandomBranches.stream(random, 300, ALL_KINDS);
    Path file = folder.resolve("trace.champsimtrace");
    try (TraceWriter writer = new ChampSimTraceWriter(file, compression(random))) {
      for (BranchRecord r : written) {
        writer.write(r);
      }
    }
    // ChampSim keeps a taken branch's target only as the next instruction's address.
    List<BranchRecord> expected = new ArrayList<>();
    for (int i = 0; i < written.size(); i++) {
      BranchRecord r = written.get(i);
      long target = 0;
      if (r.taken() && i + 1 < written.size()) {
        BranchRecord next = written.get(i + 1);
        target = next.position() == r.position() + 1 ? next.pc() : r.target();
      }
      expected.add(BranchRecord.of(r.pc(), target, r.kind(), r.taken(), r.position()));
    }
    long instructions = written.get(written.size() - 1).position();
    assertReadsBack(seed, file, random, expected, true, OptionalLong.of(instructions));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bt9RoundTrips(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<BranchRecord> written = RandomBranches.stream(random, 300, FLAGGED_KINDS);
    Path file = folder.resolve("trace.bt9.trace");
    long last = written.get(written.size() - 1).position();
    long total = last + (random.nextBoolean() ? 0 : random.nextInt(50));
    try (Bt9TraceWriter writer = new Bt9TraceWriter(file, compression(random))) {
      for (BranchRecord r : written) {
        writer.write(r);
      }
      writer.totalInstructions(total);
    }
    assertReadsBack(seed, file, random, written, true, OptionalLong.of(total));
  }

  /**
   * Every compression occurs, but a third of the cases only: compressors allocate megabytes per
   * stream and the readers see the same decompressed bytes either way.
   */
  private static Compression compression(SplittableRandom random) {
    return random.nextInt(3) == 0 ? Compression.values()[1 + random.nextInt(3)]
        : Compression.NONE;
  }

  private static void assertReadsBack(long seed, Path file, SplittableRandom random,
      List<BranchRecord> expected, boolean counted, OptionalLong instructions)
      throws IOException {
    List<BranchRecord> read = new ArrayList<>();
    long instructionsRead;
    try (TraceReader reader = TraceOpener.branches(file)) {
      assertEquals(counted, reader.hasInstructionCounts(), "seed " + seed);
      BranchBatch batch = new BranchBatch(1 + random.nextInt(100));
      while (reader.read(batch) > 0) {
        for (int i = 0; i < batch.size(); i++) {
          BranchRecord r = batch.recordAt(i);
          read.add(BranchRecord.of(r.pc(), r.target(), r.kind(), r.taken(), r.position()));
        }
      }
      instructionsRead = reader.instructionsRead();
    }
    assertEquals(expected.size(), read.size(), "seed " + seed + ": branch count");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), read.get(i), "seed " + seed + ": branch " + i);
    }
    if (instructions.isPresent()) {
      assertEquals(instructions.getAsLong(), instructionsRead, "seed " + seed
          + ": instructions");
    }
  }
}
