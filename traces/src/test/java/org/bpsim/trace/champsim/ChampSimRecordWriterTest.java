package org.bpsim.trace.champsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class ChampSimRecordWriterTest {
  @TempDir
  Path work;

  @Test
  void everyKindsRegistersClassifyBackToThatKind() {
    for (BranchKind kind : BranchKind.values()) {
      byte[] record = new byte[ChampSimReader.RECORD_BYTES];
      int[] destinations = new int[2];
      int[] sources = new int[4];
      writeOne(record, kind.code());
      for (int i = 0; i < 2; i++) {
        destinations[i] = record[10 + i] & 0xff;
      }
      for (int i = 0; i < 4; i++) {
        sources[i] = record[12 + i] & 0xff;
      }
      assertEquals(kind.code(), ChampSimBranchKinds.classify(destinations, sources), kind.name());
    }
  }

  @Test
  void nonBranchesCarryNoRegistersAndTheirMemoryAddresses() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (ChampSimRecordWriter writer = new ChampSimRecordWriter(bytes)) {
      writer.write(0x401000L, ChampSimBranchKinds.NOT_A_BRANCH, true,
          new long[] {0x10, 0x20, 0x30, 0x40}, 4, new long[] {0x50, 0x60}, 2);
    }
    byte[] record = bytes.toByteArray();
    assertEquals(ChampSimReader.RECORD_BYTES, record.length);
    for (int i = 8; i < 16; i++) {
      assertEquals(0, record[i], "byte " + i);
    }
    assertEquals(0x50, record[16]);
    assertEquals(0x60, record[24]);
    assertEquals(0x10, record[32]);
    assertEquals(0x40, record[56]);
  }

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void whatIsWrittenReadsBackAsTheSameBranches(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    int count = 1 + random.nextInt(5000);
    long[] ips = new long[count];
    int[] kinds = new int[count];
    boolean[] taken = new boolean[count];
    Path file = work.resolve("t" + seed + ".champsimtrace");
    try (ChampSimRecordWriter writer = new ChampSimRecordWriter(Files.newOutputStream(file))) {
      long[] loads = new long[4];
      long[] stores = new long[2];
      for (int i = 0; i < count; i++) {
        ips[i] = random.nextLong(1, 1L << 47);
        kinds[i] = random.nextInt(3) == 0 ? random.nextInt(BranchKind.values().length)
            : ChampSimBranchKinds.NOT_A_BRANCH;
        taken[i] = random.nextBoolean();
        for (int j = 0; j < 4; j++) {
          loads[j] = random.nextLong();
        }
        writer.write(ips[i], kinds[i], taken[i], loads, random.nextInt(5), stores,
            random.nextInt(3));
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (kinds[i] == ChampSimBranchKinds.NOT_A_BRANCH) {
        continue;
      }
      boolean conditionalOrOther = kinds[i] == BranchKind.CONDITIONAL.code()
          || kinds[i] == BranchKind.OTHER.code();
      boolean wasTaken = !conditionalOrOther || taken[i];
      long target = wasTaken && i + 1 < count ? ips[i + 1] : 0;
      expected.add(ips[i] + " " + BranchKind.ofCode(kinds[i]) + " " + wasTaken + " " + target
          + " " + (i + 1));
    }
    List<String> actual = new ArrayList<>();
    long instructions;
    try (TraceReader reader = TraceOpener.branches(file, TraceFormat.CHAMPSIM)) {
      BranchBatch batch = new BranchBatch(97);
      int n;
      while ((n = reader.read(batch)) > 0) {
        for (int i = 0; i < n; i++) {
          actual.add(batch.pc[i] + " " + batch.kindAt(i) + " " + batch.taken[i] + " "
              + batch.target[i] + " " + batch.position[i]);
        }
      }
      instructions = reader.instructionsRead();
    }
    assertEquals(expected, actual, "seed " + seed);
    assertEquals(count, instructions, "seed " + seed);
  }

  private static void writeOne(byte[] target, int kind) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (ChampSimRecordWriter writer = new ChampSimRecordWriter(bytes)) {
      writer.write(0x1000, kind, true, new long[0], 0, new long[0], 0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    System.arraycopy(bytes.toByteArray(), 0, target, 0, target.length);
  }
}
