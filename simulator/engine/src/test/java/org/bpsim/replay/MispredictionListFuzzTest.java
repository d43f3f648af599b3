package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.error.UserException;
import org.bpsim.trace.BranchBatch;

/**
 * {@code bpsim diff-mispredictions} reads lists users hand it: whatever the bytes, the reader
 * yields lines with increasing indices that write back to the same lines, or fails with one
 * {@link UserException} line naming the list (and, for a malformed line, its number). Runs its
 * seed corpus in a normal build; fuzz with {@code JAZZER_FUZZ=1} (docs/fuzzing.md).
 */
final class MispredictionListFuzzTest {
  private static final String NAME = "fuzzed.txt.gz";

  /** The line parser, on the text of a list (after decompression). */
  @FuzzTest(maxDuration = "60s")
  void anyTextIsReadOrRefusedNamingItsLine(byte[] text) throws IOException {
    List<long[]> lines = new ArrayList<>();
    try (MispredictionList.Reader reader =
        new MispredictionList.Reader(NAME, new ByteArrayInputStream(text))) {
      while (reader.next()) {
        assertTrue(reader.index() >= 0, reader.line());
        assertEquals(lines.size() + 1, reader.lineNumber());
        if (!lines.isEmpty()) {
          assertTrue(reader.index() > lines.get(lines.size() - 1)[0], reader.line());
        }
        lines.add(new long[] {reader.index(), reader.pc(), reader.taken() ? 1 : 0});
      }
    } catch (UserException e) {
      assertTrue(e.getMessage().startsWith(NAME + ": line "), e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
      return;
    }
    // What was read writes back in the canonical form and reads back the same.
    BranchBatch batch = new BranchBatch(Math.max(1, lines.size()));
    int[] entries = new int[lines.size()];
    long[] indices = new long[lines.size()];
    for (int k = 0; k < lines.size(); k++) {
      batch.pc[k] = lines.get(k)[1];
      batch.taken[k] = lines.get(k)[2] == 1;
      entries[k] = k;
      indices[k] = lines.get(k)[0];
    }
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    new MispredictionList.Writer(written).write(batch, entries, indices, lines.size());
    try (MispredictionList.Reader again = new MispredictionList.Reader(NAME,
        new ByteArrayInputStream(written.toByteArray()))) {
      for (long[] line : lines) {
        assertTrue(again.next());
        assertEquals(line[0], again.index());
        assertEquals(line[1], again.pc());
        assertEquals(line[2] == 1, again.taken());
      }
      assertTrue(!again.next());
    }
  }

  /** The whole reader, gzip layer included, on a file of any bytes. */
  @FuzzTest(maxDuration = "60s")
  void anyFileIsReadOrRefusedNamingIt(byte[] data) throws IOException {
    Path file = Files.createTempFile("list", ".txt.gz");
    try {
      Files.write(file, data);
      try (MispredictionList.Reader reader = MispredictionList.Reader.open(file)) {
        long lines = 0;
        while (reader.next()) {
          lines++;
        }
        assertTrue(lines <= data.length * 1032L, "more lines than gzip can hold");
      } catch (UserException e) {
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
