package org.bpsim.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.bpsim.trace.bt9.Bt9Reader;
import org.bpsim.trace.cbp2.Cbp2Reader;
import org.bpsim.trace.champsim.ChampSimReader;
import org.bpsim.trace.text.TextTraceReader;

/**
 * The trace formats bpsim reads. The content decides (magic strings, record plausibility); the
 * file name is only a tie-breaker between binary formats that carry no magic number.
 */
public enum TraceFormat {
  /** CBP-2016 BT9: text header, node and edge tables, then the edge sequence. */
  BT9("bt9", "CBP-2016 BT9 (*.bt9.trace.gz)") {
    @Override
    TraceReader open(TraceInput input) throws IOException {
      return new Bt9Reader(input);
    }
  },
  /** ChampSim: 64-byte little-endian instruction records. */
  CHAMPSIM("champsim", "ChampSim instruction trace (*.champsimtrace[.xz|.gz])") {
    @Override
    TraceReader open(TraceInput input) throws IOException {
      return new ChampSimReader(input);
    }
  },
  /** CBP-1/course text: {@code <pc> <taken>} or the 7-column every-kind variant. */
  TEXT("text", "text, one branch a line: '<pc-hex> <0|1>' or 7 columns "
      + "'<pc> <target> <taken> <is_conditional> <is_call> <is_return> <is_direct>'") {
    @Override
    TraceReader open(TraceInput input) throws IOException {
      return new TextTraceReader(input);
    }
  },
  /** Jiménez's CBP-2 contest kit: table-compressed 9-byte branch records, no magic number. */
  CBP2("cbp2", "CBP-2 contest kit branch trace (*.trace.bz2)") {
    @Override
    TraceReader open(TraceInput input) throws IOException {
      return new Cbp2Reader(input);
    }
  };

  private static final byte[] BT9_MAGIC = "BT9_SPA_TRACE_FORMAT".getBytes(StandardCharsets.US_ASCII);
  static final int DETECTION_BYTES = 4096;

  private final String id;
  private final String description;

  TraceFormat(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The short name users write with {@code --trace-format}. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  abstract TraceReader open(TraceInput input) throws IOException;

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
    if (isText(head)) {
      return TEXT;
    }
    if (Cbp2Reader.hasTraceName(fileName) && Cbp2Reader.plausible(head)) {
      return CBP2;
    }
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.contains(".champsimtrace") || ChampSimReader.plausible(head)) {
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
