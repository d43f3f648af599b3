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
          throw new TraceFormatException(path, null,
              "empty after " + input.compression().displayName() + " decompression");
        }
        chosen = TraceFormat.detect(head, path.getFileName().toString());
        if (chosen == null) {
          throw new TraceFormatException(path, "byte 0",
              "not a recognised trace format (known: BT9, ChampSim, text, CBP-2 kit)");
        }
      }
      return chosen.open(input);
    } catch (IOException | RuntimeException e) {
      input.close();
      throw e;
    }
  }
}
