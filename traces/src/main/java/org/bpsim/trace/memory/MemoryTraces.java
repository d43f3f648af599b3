package org.bpsim.trace.memory;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.cbp2025.Cbp2025DataAccessReader;
import org.bpsim.trace.champsim.ChampSimInstructionStream;
import org.bpsim.trace.TraceInput;

/** Opens traces for their data accesses, detecting compression and format. */
public final class MemoryTraces {
  private static final int DETECTION_BYTES = 4096;

  private MemoryTraces() {
  }

  /**
   * Opens {@code path} as a stream of data accesses.
   *
   * @throws TraceFormatException if the file is empty, unreadable or carries no data accesses
   */
  public static DataAccessReader open(Path path) throws IOException {
    TraceInput input = TraceInput.open(path);
    try {
      byte[] head = input.peek(DETECTION_BYTES);
      if (head.length == 0) {
        throw new TraceFormatException(path, null,
            "empty after " + input.compression().displayName() + " decompression");
      }
      if (PlainMemoryTraceReader.plausible(head)) {
        return new PlainMemoryTraceReader(input);
      }
      TraceFormat format = TraceFormat.detect(head, path.getFileName().toString());
      if (format == TraceFormat.CBP2025) {
        return new Cbp2025DataAccessReader(input);
      }
      if (format == TraceFormat.CHAMPSIM) {
        return new InstructionStreamAccesses(new ChampSimInstructionStream(input));
      }
      throw new TraceFormatException(path, "byte 0", "not a memory trace (known: plain text "
          + "'r|w <address-hex>' per line, CBP-2025 kit and ChampSim traces)");
    } catch (IOException | RuntimeException e) {
      input.close();
      throw e;
    }
  }
}
