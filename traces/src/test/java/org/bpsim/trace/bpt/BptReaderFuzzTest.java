package org.bpsim.trace.bpt;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.bpsim.trace.FuzzTargets;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceOpener;

/**
 * Any bytes given to the {@code .bpt} reader yield branches or a {@code TraceFormatException},
 * nothing else, even when a damaged chunk happens to pass its checksum. Seeds: {@code
 * src/test/resources/org/bpsim/trace/bpt/BptReaderFuzzTestInputs/} (converted from the other
 * readers' seeds, then cut, bit-flipped and relabelled as a newer version).
 */
final class BptReaderFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void readsAnyBytesCleanly(byte[] input) throws IOException {
    FuzzTargets.readAll(input, "fuzz.bpt", file -> TraceOpener.branches(file, TraceFormat.BPT));
  }
}
