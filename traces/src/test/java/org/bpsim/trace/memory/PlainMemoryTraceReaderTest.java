package org.bpsim.trace.memory;

import org.bpsim.trace.TraceOpener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bpsim.trace.SharedMaterial;
import org.bpsim.trace.TraceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PlainMemoryTraceReaderTest {
  @TempDir
  Path folder;

  @Test
  void readsOperationsAndAddressesInOrder() throws IOException {
    Path trace = write("w 400341a0\nr dfcfa8\n\n# note\nR 0x10\r\nW\tffffffffffffffff\n");
    try (DataAccessReader reader = TraceOpener.dataAccesses(trace)) {
      DataAccessBatch batch = new DataAccessBatch();
      assertEquals(4, reader.read(batch));
      assertTrue(batch.isWrite(0));
      assertEquals(0x400341a0L, batch.address(0));
      assertFalse(batch.isWrite(1));
      assertEquals(0xdfcfa8L, batch.address(1));
      assertFalse(batch.isWrite(2));
      assertEquals(0x10L, batch.address(2));
      assertTrue(batch.isWrite(3));
      assertEquals(-1L, batch.address(3));
      assertEquals(0, reader.read(batch));
      assertEquals(4, reader.accessesRead());
    }
  }

  @Test
  void splitsLongTracesAcrossBatches() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      text.append(i % 3 == 0 ? "w " : "r ").append(Integer.toHexString(i * 16)).append('\n');
    }
    try (DataAccessReader reader = TraceOpener.dataAccesses(write(text.toString()))) {
      DataAccessBatch batch = new DataAccessBatch(10);
      int total = 0;
      int n;
      while ((n = reader.read(batch)) > 0) {
        for (int i = 0; i < n; i++) {
          assertEquals((long) (total + i) * 16, batch.address(i));
          assertEquals((total + i) % 3 == 0, batch.isWrite(i));
        }
        total += n;
      }
      assertEquals(25, total);
    }
  }

  @Test
  void badOperationNamesFileAndLine() throws IOException {
    Path trace = write("r 10\nw 20\nx 30\n");
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> readAll(trace));
    assertTrue(e.getMessage().startsWith(trace + ": line 3: bad operation 'x'"), e.getMessage());
  }

  @Test
  void badAddressNamesFileAndLine() throws IOException {
    Path trace = write("r 10\nw 2g0\n");
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> readAll(trace));
    assertTrue(e.getMessage().startsWith(trace + ": line 2: bad address"), e.getMessage());
  }

  @Test
  void extraFieldsAreRejectedWithTheLine() throws IOException {
    Path trace = write("r 10 20\n");
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> readAll(trace));
    assertTrue(e.getMessage().startsWith(trace + ": line 1: "), e.getMessage());
  }

  @Test
  void missingAddressIsRejectedWithTheLine() throws IOException {
    Path trace = write("r 10\nw \n");
    TraceFormatException e = assertThrows(TraceFormatException.class, () -> readAll(trace));
    assertTrue(e.getMessage().startsWith(trace + ": line 2: "), e.getMessage());
  }

  @Test
  void otherContentIsNotTakenForAMemoryTrace() throws IOException {
    Path trace = write("80002aec 1\n");
    TraceFormatException e = assertThrows(TraceFormatException.class,
        () -> TraceOpener.dataAccesses(trace).close());
    assertTrue(e.getMessage().contains("not a memory trace"), e.getMessage());
  }

  @Test
  void sharedCourseTracesHaveTheirKnownMix() throws IOException {
    Path gcc = SharedMaterial.traceOrSkip("memory/gcc_trace.txt");
    long[] counts = readAll(gcc);
    assertEquals(63640, counts[0], "reads");
    assertEquals(36360, counts[1], "writes");
  }

  private long[] readAll(Path trace) throws IOException {
    long[] readsAndWrites = new long[2];
    try (DataAccessReader reader = TraceOpener.dataAccesses(trace)) {
      DataAccessBatch batch = new DataAccessBatch();
      int n;
      while ((n = reader.read(batch)) > 0) {
        for (int i = 0; i < n; i++) {
          readsAndWrites[batch.isWrite(i) ? 1 : 0]++;
        }
      }
    }
    return readsAndWrites;
  }

  private Path write(String text) throws IOException {
    Path file = folder.resolve("trace.txt");
    Files.writeString(file, text);
    return file;
  }
}
