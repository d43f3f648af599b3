package org.bpsim.trace;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.trace.memory.DataAccessReader;
import org.bpsim.trace.memory.PlainMemoryTraceReader;

/**
 * The one way bpsim opens a trace file, for what the caller reads in it ({@link TraceContent}):
 * the compression is told from the first bytes and undone ({@link TraceInput}), the format from
 * the first decompressed bytes ({@link TraceFormat#detect}), and the format must provide what is
 * asked for ({@link TraceFormat#provides}). Every failure is one {@link TraceFormatException}
 * naming the file and where in it the problem is, and leaves nothing open.
 */
public final class TraceOpener {
  /** How many decompressed bytes decide the format. */
  static final int DETECTION_BYTES = 4096;

  private TraceOpener() {
  }

  /** Opens {@code path} for its branches, detecting its format from its content. */
  public static TraceReader branches(Path path) throws IOException {
    return branches(path, null);
  }

  /**
   * Opens {@code path} for its branches, as {@code format}, or as the format its content shows
   * when {@code format} is null.
   *
   * @throws TraceFormatException if the file is empty, unreadable or of no known format
   */
  public static TraceReader branches(Path path, TraceFormat format) throws IOException {
    return open(path, input -> {
      if (format != null) {
        return format.openBranches(input);
      }
      byte[] head = head(input);
      if (allZero(head) && head.length == DETECTION_BYTES) {
        // /dev/zero, or a disk image: a reader would find no branch in it, for ever
        throw new TraceFormatException(path, input.compression() == Compression.NONE
            ? "byte 0" : "decompressed byte 0", "starts with " + head.length
            + " zero bytes, which no trace format does (is it /dev/zero?); give "
            + "--trace-format to read it anyway");
      }
      TraceFormat detected = detect(head, path);
      if (detected == null) {
        throw new TraceFormatException(path, "byte 0",
            "not a recognised trace format (known: " + TraceFormat.IDS + ")");
      }
      return detected.openBranches(input);
    });
  }

  /**
   * Opens {@code path} for every instruction, with registers and memory addresses.
   *
   * @throws TraceFormatException if the file is not of a format that provides them
   */
  public static InstructionStream instructions(Path path) throws IOException {
    return open(path, input -> {
      TraceFormat format = detect(head(input), path);
      if (format == null || !format.provides(TraceContent.INSTRUCTIONS)) {
        throw new TraceFormatException(path, "byte 0", "timing simulation needs a trace with "
            + "every instruction and its memory addresses (supported: CBP-2025 kit and ChampSim "
            + "traces), not " + (format == null ? "an unknown format" : format.id()));
      }
      return format.openInstructions(input);
    });
  }

  /**
   * Opens {@code path} for its data accesses: a plain memory trace ({@code r|w <address-hex>}
   * per line), or a format that provides them.
   *
   * @throws TraceFormatException if the file is empty, unreadable or carries no data accesses
   */
  public static DataAccessReader dataAccesses(Path path) throws IOException {
    return open(path, input -> {
      byte[] head = head(input);
      if (PlainMemoryTraceReader.plausible(head)) {
        return new PlainMemoryTraceReader(input);
      }
      TraceFormat format = detect(head, path);
      if (format == null || !format.provides(TraceContent.DATA_ACCESSES)) {
        throw new TraceFormatException(path, "byte 0", "not a memory trace (known: plain text "
            + "'r|w <address-hex>' per line, CBP-2025 kit and ChampSim traces)");
      }
      return format.openDataAccesses(input);
    });
  }

  /**
   * Whether {@code path} provides {@code content}, judged by its first bytes as the openers
   * judge them, so that callers can pass over other traces instead of failing on them.
   */
  public static boolean provides(Path path, TraceContent content) throws IOException {
    try (TraceInput input = TraceInput.open(path)) {
      byte[] head = input.peek(DETECTION_BYTES);
      if (head.length == 0) {
        return false;
      }
      if (content == TraceContent.DATA_ACCESSES && PlainMemoryTraceReader.plausible(head)) {
        return true;
      }
      TraceFormat format = detect(head, path);
      return format != null && format.provides(content);
    }
  }

  /** Reads an opened trace input as one kind of trace. */
  @FunctionalInterface
  private interface Reading<T> {
    T from(TraceInput input) throws IOException;
  }

  /** Opens {@code path}'s bytes and reads them as {@code reading} says; closes them on failure. */
  private static <T> T open(Path path, Reading<T> reading) throws IOException {
    TraceInput input = TraceInput.open(path);
    try {
      return reading.from(input);
    } catch (IOException | RuntimeException e) {
      input.close();
      throw e;
    }
  }

  /** The first decompressed bytes, which decide the format; refuses a file empty inside. */
  private static byte[] head(TraceInput input) throws IOException {
    byte[] head = input.peek(DETECTION_BYTES);
    if (head.length == 0) {
      throw new TraceFormatException(input.path(), "decompressed byte 0",
          "empty after " + input.compression().displayName() + " decompression");
    }
    return head;
  }

  private static TraceFormat detect(byte[] head, Path path) {
    return TraceFormat.detect(head, String.valueOf(path.getFileName()));
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
