package org.bpsim.trace.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.CompressedOutput;
import org.bpsim.trace.Compression;
import org.bpsim.trace.TraceWriter;

/**
 * Writes the text traces {@link TextTraceReader} reads: two columns {@code <pc-hex> <0|1>} for
 * conditional branches only (CBP-1 style), or seven tab-separated columns
 * {@code <pc> <target> <taken> <is_conditional> <is_call> <is_return> <is_direct>} for every kind
 * the flags can express. Positions are not recorded: these formats have no instruction counts.
 */
public final class TextTraceWriter implements TraceWriter {
  /** Which of the two text layouts to write. */
  public enum Layout {
    TWO_COLUMNS, SEVEN_COLUMNS
  }

  private final OutputStream out;
  private final Layout layout;
  private final StringBuilder line = new StringBuilder(64);

  public TextTraceWriter(Path path, Compression compression, Layout layout) throws IOException {
    this(CompressedOutput.open(path, compression), layout);
  }

  /** Writes to {@code out}, which must already compress if compression is wanted. */
  public TextTraceWriter(OutputStream out, Layout layout) {
    this.out = out;
    this.layout = layout;
  }

  @Override
  public void write(long pc, long target, BranchKind kind, boolean taken, long position)
      throws IOException {
    line.setLength(0);
    line.append("0x").append(Long.toHexString(pc));
    if (layout == Layout.TWO_COLUMNS) {
      if (!kind.isConditional()) {
        throw new IllegalArgumentException("a two-column text trace holds conditional branches "
            + "only, not " + kind);
      }
      line.append(' ').append(taken ? '1' : '0');
    } else {
      if (kind == BranchKind.OTHER) {
        throw new IllegalArgumentException("the seven-column text trace has no flags for "
            + kind);
      }
      boolean direct = kind == BranchKind.CONDITIONAL || kind == BranchKind.DIRECT_JUMP
          || kind == BranchKind.DIRECT_CALL;
      line.append('\t').append("0x").append(Long.toHexString(target))
          .append('\t').append(taken ? '1' : '0')
          .append('\t').append(kind.isConditional() ? '1' : '0')
          .append('\t').append(kind.isCall() ? '1' : '0')
          .append('\t').append(kind == BranchKind.RETURN ? '1' : '0')
          .append('\t').append(direct ? '1' : '0');
    }
    line.append('\n');
    out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
