package org.bpsim.predictor.cbpnative;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads what a native predictor's child process sends back (see {@code bpsim_native_io.h}):
 * {@code 'H' u32 version} once, then {@code 'R' u32 n} and n prediction bytes (0 or 1) per
 * request. Anything else is a {@link NativeProtocolException} naming the byte offset; the end
 * of the stream is an {@link EOFException} (the child has died; its exit status says why).
 */
final class ReplyReader {
  static final int VERSION = 1;

  private final InputStream in;
  private final byte[] header = new byte[5];
  private long offset;

  ReplyReader(InputStream in) {
    this.in = in;
  }

  /** Reads the greeting the child sends once its predictor is built. */
  void readHello() throws IOException {
    int value = readHeader('H');
    if (value != VERSION) {
      throw new NativeProtocolException("the predictor process speaks protocol version "
          + Integer.toUnsignedString(value) + ", not " + VERSION + " (at byte " + (offset - 4)
          + ")");
    }
  }

  /** Reads the reply to a request of {@code expected} branches into {@code predictions}. */
  void readPredictions(boolean[] predictions, int expected, byte[] scratch) throws IOException {
    int count = readHeader('R');
    if (count != expected) {
      throw new NativeProtocolException("the predictor process answered "
          + Integer.toUnsignedString(count) + " predictions to a request of " + expected
          + " (at byte " + (offset - 4) + ")");
    }
    readFully(scratch, count);
    for (int i = 0; i < count; i++) {
      byte b = scratch[i];
      if ((b & ~1) != 0) {
        throw new NativeProtocolException("the predictor process sent a prediction of " + b
            + ", not 0 or 1 (at byte " + (offset - count + i) + ")");
      }
      predictions[i] = b != 0;
    }
  }

  private int readHeader(char tag) throws IOException {
    readFully(header, 5);
    if (header[0] != (byte) tag) {
      throw new NativeProtocolException("the predictor process sent byte "
          + (header[0] & 0xff) + " where bpsim expected '" + tag + "' (at byte " + (offset - 5)
          + ")");
    }
    return (header[1] & 0xff) | (header[2] & 0xff) << 8 | (header[3] & 0xff) << 16
        | (header[4] & 0xff) << 24;
  }

  private void readFully(byte[] into, int length) throws IOException {
    int done = 0;
    while (done < length) {
      int got = in.read(into, done, length - done);
      if (got < 0) {
        throw new EOFException("the predictor process's replies ended at byte " + (offset + done));
      }
      done += got;
    }
    offset += length;
  }

  /** The child broke the reply protocol. */
  static final class NativeProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    NativeProtocolException(String message) {
      super(message);
    }
  }
}
