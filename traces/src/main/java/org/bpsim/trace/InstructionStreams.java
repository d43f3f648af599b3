package org.bpsim.trace;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.trace.cbp2025.Cbp2025InstructionStream;
import org.bpsim.trace.champsim.ChampSimInstructionStream;

/** Opens traces that carry the full instruction stream with memory addresses. */
public final class InstructionStreams {
  private InstructionStreams() {
  }

  /**
   * Whether {@code path} is in a format that {@link #open} reads (judged by its content, as
   * {@link #open} does), so that callers can pass over other traces instead of failing on them.
   */
  public static boolean carriesInstructions(Path path) throws IOException {
    try (TraceInput input = TraceInput.open(path)) {
      byte[] head = input.peek(TraceFormat.DETECTION_BYTES);
      TraceFormat format = head.length == 0 ? null
          : TraceFormat.detect(head, path.getFileName().toString());
      return format == TraceFormat.CBP2025 || format == TraceFormat.CHAMPSIM;
    }
  }

  /**
   * Opens {@code path} as an instruction stream.
   *
   * @throws TraceFormatException if the file is not a format with full instruction streams
   */
  public static InstructionStream open(Path path) throws IOException {
    TraceInput input = TraceInput.open(path);
    try {
      byte[] head = input.peek(TraceFormat.DETECTION_BYTES);
      if (head.length == 0) {
        throw new TraceFormatException(path, null,
            "empty after " + input.compression().displayName() + " decompression");
      }
      TraceFormat format = TraceFormat.detect(head, path.getFileName().toString());
      if (format == TraceFormat.CBP2025) {
        return new Cbp2025InstructionStream(input);
      }
      if (format == TraceFormat.CHAMPSIM) {
        return new ChampSimInstructionStream(input);
      }
      throw new TraceFormatException(path, "byte 0", "timing simulation needs a trace with every "
          + "instruction and its memory addresses (supported: CBP-2025 kit and ChampSim traces), "
          + "not " + (format == null ? "an unknown format" : format.id()));
    } catch (IOException | RuntimeException e) {
      input.close();
      throw e;
    }
  }
}
