package org.bpsim.trace.bt9;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.bpsim.trace.FuzzTargets;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceOpener;

/**
 * Any bytes given to the BT9 reader yield branches or a {@code TraceFormatException}, nothing
 * else. Seeds: {@code src/test/resources/org/bpsim/trace/bt9/Bt9ReaderFuzzTestInputs/}.
 */
final class Bt9ReaderFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void readsAnyBytesCleanly(byte[] input) throws IOException {
    FuzzTargets.readAll(input, "fuzz.bt9.trace", file -> TraceOpener.branches(file, TraceFormat.BT9));
  }
}
