package org.bpsim.trace;

import java.io.IOException;
import java.nio.file.Path;

/** Opens trace files, detecting compression and format. */
public final class Traces {
  private Traces() {
  }

  /** Opens {@code path}, detecting its format from its content. */
  public static TraceReader open(Path path) throws IOException {
    return open(path, null);
  }

  /**
   * Opens {@code path} as {@code format}, or detects the format when {@code format} is null.
   *
   * @throws TraceFormatException if the file is empty, unreadable or of no known format
   */
  public static TraceReader open(Path path, TraceFormat format) throws IOException {
    TraceInput input = TraceInput.open(path);
    try {
      TraceFormat chosen = format;
      if (chosen == null) {
        byte[] head = input.peek(TraceFormat.DETECTION_BYTES);
        if (head.length == 0) {
          throw new TraceFormatException(path, "decompressed byte 0",
              "empty after " + input.compression().displayName() + " decompression");
        }
        if (allZero(head) && head.length == TraceFormat.DETECTION_BYTES) {
          // /dev/zero, or a disk image: a reader would find no branch in it, for ever
          throw new TraceFormatException(path, input.compression() == Compression.NONE
              ? "byte 0" : "decompressed byte 0", "starts with " + head.length
              + " zero bytes, which no trace format does (is it /dev/zero?); give "
              + "--trace-format to read it anyway");
        }
        chosen = TraceFormat.detect(head, String.valueOf(path.getFileName()));
        if (chosen == null) {
          throw new TraceFormatException(path, "byte 0",
              "not a recognised trace format (known: " + TraceFormat.IDS + ")");
        }
      }
      return chosen.open(input);
    } catch (IOException | RuntimeException e) {
      input.close();
      throw e;
    }
  }

  private static boolean allZero(byte[] head) {
    for (byte b : head) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
