package org.bpsim.trace;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The decompression layer and format detection: any bytes decompress (gzip, xz, bzip2 or none)
 * or fail with a {@code TraceFormatException}; any bytes are detected as some format and read,
 * or rejected the same clean way. Seeds:
 * {@code src/test/resources/org/bpsim/trace/DecompressionFuzzTestInputs/}.
 */
final class DecompressionFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void decompressesAnyBytesCleanly(byte[] input) throws IOException {
    Path file = FuzzTargets.file(input, "fuzz.bin");
    try (TraceInput trace = TraceInput.open(file)) {
      byte[] chunk = new byte[4096];
      long total = 0;
      int n;
      trace.peek(1 + input.length % 4096);
      while ((n = trace.readFully(chunk, 0, chunk.length)) > 0
          && total < FuzzTargets.MAX_BYTES) {
        total += n;
        if (trace.offset() != total) {
          throw new AssertionError("offset " + trace.offset() + " after " + total + " bytes");
        }
      }
    } catch (TraceFormatException expected) {
      // the decompressor's failure, turned into the one clean error
    }
  }

  @FuzzTest(maxDuration = "60s")
  void detectsAndReadsAnyBytesCleanly(byte[] input) throws IOException {
    FuzzTargets.readAll(input, "fuzz.trace", TraceOpener::branches);
  }
}
