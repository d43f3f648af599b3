package org.bpsim.trace.champsim;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.bpsim.trace.FuzzTargets;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceOpener;

/**
 * Any bytes given to the ChampSim reader yield branches or a {@code TraceFormatException},
 * nothing else. Seeds: {@code
 * src/test/resources/org/bpsim/trace/champsim/ChampSimReaderFuzzTestInputs/}.
 */
final class ChampSimReaderFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void readsAnyBytesCleanly(byte[] input) throws IOException {
    FuzzTargets.readAll(input, "fuzz.champsimtrace",
        file -> TraceOpener.branches(file, TraceFormat.CHAMPSIM));
  }
}
