package org.bpsim.predictor.cbpnative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The replies of a native predictor's child process are outside input: whatever bytes it
 * sends, the reader returns predictions that are exactly its bytes 0 and 1, or fails with an
 * {@link IOException} of one line (the stream's end, or a broken protocol naming the offset),
 * never anything else. Runs its seed corpus in a normal build; fuzz with {@code JAZZER_FUZZ=1}
 * (docs/fuzzing.md).
 */
final class ReplyReaderFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void anyRepliesAreReadOrRefusedOnOneLine(byte[] bytes) {
    ReplyReader reader = new ReplyReader(new ByteArrayInputStream(bytes));
    int expected = bytes.length == 0 ? 1 : (bytes[0] & 0x0f) + 1;
    boolean[] predictions = new boolean[expected];
    byte[] scratch = new byte[expected];
    try {
      reader.readHello();
      while (true) {
        reader.readPredictions(predictions, expected, scratch);
        for (int i = 0; i < expected; i++) {
          assertEquals(scratch[i] == 1, predictions[i]);
          assertTrue(scratch[i] == 0 || scratch[i] == 1);
        }
      }
    } catch (EOFException e) {
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    } catch (ReplyReader.NativeProtocolException e) {
      assertTrue(e.getMessage().contains("(at byte "), e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    } catch (IOException e) {
      throw new AssertionError("unexpected " + e, e);
    }
  }

  @Test
  void aWellFormedStreamIsRead() throws IOException {
    byte[] bytes = {'H', 1, 0, 0, 0, 'R', 3, 0, 0, 0, 1, 0, 1};
    ReplyReader reader = new ReplyReader(new ByteArrayInputStream(bytes));
    reader.readHello();
    boolean[] predictions = new boolean[3];
    reader.readPredictions(predictions, 3, new byte[3]);
    assertTrue(predictions[0] && !predictions[1] && predictions[2]);
  }

  @Test
  void aWrongCountOrByteIsRefusedNamingTheOffset() throws IOException {
    ReplyReader reader = new ReplyReader(new ByteArrayInputStream(
        new byte[] {'H', 1, 0, 0, 0, 'R', 2, 0, 0, 0, 1, 0}));
    reader.readHello();
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(
        ReplyReader.NativeProtocolException.class,
        () -> reader.readPredictions(new boolean[3], 3, new byte[3]));
    assertTrue(e.getMessage().contains("answered 2 predictions to a request of 3 (at byte 6)"),
        e.getMessage());
    ReplyReader bad = new ReplyReader(new ByteArrayInputStream(
        new byte[] {'R', 1, 0, 0, 0, 7}));
    e = org.junit.jupiter.api.Assertions.assertThrows(
        ReplyReader.NativeProtocolException.class,
        () -> bad.readPredictions(new boolean[1], 1, new byte[1]));
    assertTrue(e.getMessage().contains("prediction of 7, not 0 or 1 (at byte 5)"),
        e.getMessage());
  }
}
