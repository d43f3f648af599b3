package org.bpsim.trace.cbp2;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;

/**
 * Whatever the bytes, reading them as a CBP-2 stream either succeeds or fails with one
 * {@link TraceFormatException}: never an index error from the table or return stack, never a hang.
 * In a normal build this replays the seed inputs next to this class.
 */
final class Cbp2ReaderFuzzTest {

  @FuzzTest
  void failsOnlyWithATraceFormatException(byte[] data) throws IOException {
    Path file = Files.createTempFile("cbp2-fuzz", ".trace");
    try {
      Files.write(file, data);
      try (TraceReader reader = TraceOpener.branches(file, TraceFormat.CBP2)) {
        BranchBatch batch = new BranchBatch(256);
        while (reader.read(batch) > 0) {
          for (int i = 0; i < batch.size(); i++) {
            if (batch.pc[i] < 0 || batch.pc[i] > 0xffff_ffffL) {
              throw new AssertionError("address outside 32 bits: " + batch.pc[i]);
            }
          }
        }
      } catch (TraceFormatException expected) {
        // the documented way to fail
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
