package org.bpsim.trace.cbp2025;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceFormatException;

/**
 * Any byte string either decodes as CBP-2025 records or is rejected with a
 * {@link TraceFormatException}; format detection never throws. In a normal build this replays
 * the seed corpus in {@code Cbp2025DecoderFuzzTestInputs}.
 */
final class Cbp2025DecoderFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void decodesOrRejectsWithATraceFormatException(byte[] data) throws IOException {
    int[] position = {0};
    Cbp2025Decoder decoder = new Cbp2025Decoder(new Cbp2025Decoder.ByteSource() {
      @Override
      public int read() {
        return position[0] < data.length ? data[position[0]++] & 0xff : -1;
      }

      @Override
      public long offset() {
        return position[0];
      }
    }, Path.of("fuzz.trace"));
    try {
      long records = 0;
      while (decoder.next()) {
        records++;
        if (decoder.records() != records || position[0] > data.length) {
          throw new AssertionError("decoder lost count");
        }
      }
      if (position[0] != data.length) {
        throw new AssertionError("clean end before the last byte");
      }
    } catch (TraceFormatException expected) {
      if (!expected.getMessage().startsWith("fuzz.trace: decompressed byte ")) {
        throw new AssertionError("error does not locate itself: " + expected.getMessage());
      }
    }
    Cbp2025Decoder.plausible(data);
    TraceFormat.detect(data, "fuzz.trace");
  }
}
