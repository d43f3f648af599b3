package org.bpsim.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.bpsim.trace.bpt.BptLayout;
import org.bpsim.trace.bpt.BptReader;
import org.bpsim.trace.bt9.Bt9Reader;
import org.bpsim.trace.cbp2.Cbp2Reader;
import org.bpsim.trace.cbp2025.Cbp2025DataAccessReader;
import org.bpsim.trace.cbp2025.Cbp2025Decoder;
import org.bpsim.trace.cbp2025.Cbp2025InstructionStream;
import org.bpsim.trace.cbp2025.Cbp2025Reader;
import org.bpsim.trace.champsim.ChampSimInstructionStream;
import org.bpsim.trace.champsim.ChampSimReader;
import org.bpsim.trace.memory.DataAccessReader;
import org.bpsim.trace.memory.InstructionStreamAccesses;
import org.bpsim.trace.text.TextTraceReader;

/**
 * The trace formats bpsim reads. The content decides (magic strings, record plausibility); the
 * file name is only a tie-breaker between binary formats that carry no magic number. Each format
 * says what its traces provide ({@link TraceContent}); {@link TraceOpener} opens them for it.
 */
public enum TraceFormat {
  /** CBP-2016 BT9: text header, node and edge tables, then the edge sequence. */
  BT9("bt9", "CBP-2016 BT9 (*.bt9.trace.gz)", Provides.BRANCHES_ONLY) {
    @Override
    TraceReader openBranches(TraceInput input) throws IOException {
      return new Bt9Reader(input);
    }
  },
  /** ChampSim: 64-byte little-endian instruction records. */
  CHAMPSIM("champsim", "ChampSim instruction trace (*.champsimtrace[.xz|.gz])",
      Provides.EVERYTHING) {
    @Override
    TraceReader openBranches(TraceInput input) throws IOException {
      return new ChampSimReader(input);
    }

    @Override
    InstructionStream openInstructions(TraceInput input) {
      return new ChampSimInstructionStream(input);
    }

    @Override
    DataAccessReader openDataAccesses(TraceInput input) {
      return new InstructionStreamAccesses(new ChampSimInstructionStream(input));
    }
  },
  /** bpsim's own compact, chunked, checksummed branch format (see BptLayout). */
  BPT("bpt", "bpsim branch trace (*.bpt)", Provides.BRANCHES_ONLY) {
    @Override
    TraceReader openBranches(TraceInput input) throws IOException {
      return new BptReader(input);
    }
  },
  /** CBP-2025 kit: variable-length binary instruction records, no magic number. */
  CBP2025("cbp2025", "CBP-2025 kit instruction trace (*_trace.gz)", Provides.EVERYTHING) {
    @Override
    TraceReader openBranches(TraceInput input) throws IOException {
      return new Cbp2025Reader(input);
    }

    @Override
    InstructionStream openInstructions(TraceInput input) {
      return new Cbp2025InstructionStream(input);
    }

    @Override
    DataAccessReader openDataAccesses(TraceInput input) {
      return new Cbp2025DataAccessReader(input);
    }
  },
  /** CBP-1/course text: {@code <pc> <taken>} or the 7-column every-kind variant. */
  TEXT("text", "text, one branch a line: '<pc-hex> <0|1>' or 7 columns "
      + "'<pc> <target> <taken> <is_conditional> <is_call> <is_return> <is_direct>'",
      Provides.BRANCHES_ONLY) {
    @Override
    TraceReader openBranches(TraceInput input) throws IOException {
      return new TextTraceReader(input);
    }
  },
  /** Jiménez's CBP-2 contest kit: table-compressed 9-byte branch records, no magic number. */
  CBP2("cbp2", "CBP-2 contest kit branch trace (*.trace.bz2)", Provides.BRANCHES_ONLY) {
    @Override
    TraceReader openBranches(TraceInput input) throws IOException {
      return new Cbp2Reader(input);
    }
  };

  private static final byte[] BT9_MAGIC = "BT9_SPA_TRACE_FORMAT".getBytes(StandardCharsets.US_ASCII);

  /** The ids users may write, for messages and help texts. */
  public static final String IDS = "bt9, champsim, text, bpt, cbp2, cbp2025";

  private final String id;
  private final String description;
  private final Set<TraceContent> provides;

  TraceFormat(String id, String description, Provides provides) {
    this.id = id;
    this.description = description;
    this.provides = provides.contents;
  }

  /** What a format's traces hold: branches only, or every instruction with its data accesses. */
  private enum Provides {
    BRANCHES_ONLY(EnumSet.of(TraceContent.BRANCHES)),
    EVERYTHING(EnumSet.allOf(TraceContent.class));

    final Set<TraceContent> contents;

    Provides(Set<TraceContent> contents) {
      this.contents = java.util.Collections.unmodifiableSet(contents);
    }
  }

  /** The short name users write with {@code --trace-format}. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** Whether this format's traces can be read for {@code content}. */
  public boolean provides(TraceContent content) {
    return provides.contains(content);
  }

  abstract TraceReader openBranches(TraceInput input) throws IOException;

  /** Reads {@code input} for every instruction; only where {@link #provides} says so. */
  InstructionStream openInstructions(TraceInput input) throws IOException {
    throw new UnsupportedOperationException(id + " traces hold no instruction stream");
  }

  /** Reads {@code input} for its data accesses; only where {@link #provides} says so. */
  DataAccessReader openDataAccesses(TraceInput input) throws IOException {
    throw new UnsupportedOperationException(id + " traces hold no data accesses");
  }

  public static TraceFormat ofId(String id) {
    for (TraceFormat format : values()) {
      if (format.id.equals(id.toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown trace format '" + id + "' (valid: "
        + String.join(", ", java.util.Arrays.stream(values()).map(TraceFormat::id)
            .toArray(String[]::new)) + ")");
  }

  /**
   * Decides the format from the first decompressed bytes, using the file name only where the
   * content cannot tell.
   *
   * @return the format, or {@code null} if nothing fits
   */
  public static TraceFormat detect(byte[] head, String fileName) {
    if (startsWith(head, BT9_MAGIC)) {
      return BT9;
    }
    if (startsWith(head, BptLayout.MAGIC)) {
      return BPT;
    }
    if (isText(head)) {
      return TEXT;
    }
    if (Cbp2Reader.hasTraceName(fileName) && Cbp2Reader.plausible(head)) {
      return CBP2;
    }
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.contains(".champsimtrace")) {
      return CHAMPSIM;
    }
    // Record-by-record pc continuity is a far stronger test than ChampSim's flag bytes, so it
    // goes first; the name only decides when the head is too short to tell.
    if (Cbp2025Decoder.plausible(head) || (name.contains("cbp2025")
        && !ChampSimReader.plausible(head))) {
      return CBP2025;
    }
    if (ChampSimReader.plausible(head)) {
      return CHAMPSIM;
    }
    return null;
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isText(byte[] head) {
    if (head.length == 0) {
      return false;
    }
    for (byte b : head) {
      boolean printable = b >= 0x20 && b < 0x7f;
      if (!printable && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
