package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bpsim.trace.BranchBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The list format: lines exactly as C's {@code printf("%d %x %d\n")}, read back the same. */
final class MispredictionListTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void linesAreWhatPrintfWritesAndReadBackTheSame(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    int count = 3 * BranchBatch.DEFAULT_CAPACITY / 2;
    BranchBatch batch = new BranchBatch(count);
    int[] entries = new int[count];
    long[] indices = new long[count];
    StringBuilder expected = new StringBuilder();
    long index = random.nextInt(3);
    for (int k = 0; k < count; k++) {
      // every width of index and pc, including 0, negative pcs (printed as unsigned) and the
      // largest index
      long pc = switch (k % 4) {
        case 0 -> random.nextLong();
        case 1 -> random.nextLong() >>> random.nextInt(64);
        case 2 -> k % 8 == 2 ? 0 : -1L;
        default -> random.nextInt(1 << 12);
      };
      long step = 1 + (random.nextLong() >>> (43 + random.nextInt(21)));
      index = k == count - 1 ? Long.MAX_VALUE : index + step;
      batch.pc[k] = pc;
      batch.taken[k] = random.nextBoolean();
      entries[k] = k;
      indices[k] = index;
      expected.append(String.format(Locale.ROOT, "%d %x %d\n", index, pc,
          batch.taken[k] ? 1 : 0));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new MispredictionList.Writer(out).write(batch, entries, indices, count);
    assertEquals(expected.toString(), out.toString(StandardCharsets.US_ASCII), "seed " + seed);

    try (MispredictionList.Reader reader = new MispredictionList.Reader("list",
        new ByteArrayInputStream(out.toByteArray()))) {
      for (int k = 0; k < count; k++) {
        assertTrue(reader.next(), "seed " + seed);
        assertEquals(indices[k], reader.index(), "seed " + seed + ", line " + (k + 1));
        assertEquals(batch.pc[k], reader.pc(), "seed " + seed + ", line " + (k + 1));
        assertEquals(batch.taken[k], reader.taken(), "seed " + seed + ", line " + (k + 1));
      }
      assertTrue(!reader.next());
    }
  }
}
