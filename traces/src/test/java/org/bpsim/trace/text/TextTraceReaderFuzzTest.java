package org.bpsim.trace.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.bpsim.trace.FuzzTargets;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceOpener;

/**
 * Any bytes given to the text reader yield branches or a {@code TraceFormatException}, nothing
 * else. Seeds: {@code src/test/resources/org/bpsim/trace/text/TextTraceReaderFuzzTestInputs/}.
 */
final class TextTraceReaderFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void readsAnyBytesCleanly(byte[] input) throws IOException {
    FuzzTargets.readAll(input, "fuzz.txt", file -> TraceOpener.branches(file, TraceFormat.TEXT));
  }
}
