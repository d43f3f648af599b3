package org.bpsim.record;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.bpsim.trace.champsim.ChampSimRecordWriter;

/** Whatever bytes arrive on the plugin's pipe, the converter converts them or says why not. */
final class PluginStreamConverterFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void anyStreamIsConvertedOrRefusedWithAnIoException(byte[] stream) {
    long[] written = new long[1];
    OutputStream counting = new OutputStream() {
      @Override
      public void write(int b) {
        written[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        written[0] += len;
      }
    };
    try (ChampSimRecordWriter writer = new ChampSimRecordWriter(counting)) {
      RecordingSummary summary =
          new PluginStreamConverter(new ByteArrayInputStream(stream), writer, 1000).convert();
      assertTrue(summary.instructions() <= 1000);
    } catch (IOException expected) {
      // A malformed stream: refused with a message, which is all that is asked.
    }
    // Each executed instruction costs at least 9 bytes of input and writes one 64-byte record.
    assertTrue(written[0] <= 64L * (stream.length / 9 + 1));
  }
}
