package org.bpsim.trace.text;

import java.io.IOException;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchBatch;

import org.bpsim.trace.LineReader;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceInput;
import org.bpsim.trace.StreamedTraceReader;

/**
 * Reads the text traces of the CBP-1 set and of course projects, one branch a line:
 *
 * <ul>
 *   <li>2 columns, {@code <pc-hex> <taken 0|1>}: conditional branches only;
 *   <li>7 columns, {@code <pc> <target> <taken> <is_conditional> <is_call> <is_return>
 *       <is_direct>}: every branch kind.
 * </ul>
 *
 * The first branch line decides which; every other line must have the same shape. Blank lines and
 * lines starting with {@code #} are skipped. These traces carry no instruction counts, so
 * positions count branches.
 */
public final class TextTraceReader extends StreamedTraceReader {
  private final LineReader lines;
  private int columns;
  private long branches;
  private boolean finished;

  public TextTraceReader(TraceInput input) {
    super(input, TraceFormat.TEXT);
    this.lines = new LineReader(input);
  }

  @Override
  public int read(BranchBatch batch) throws IOException {
    batch.clear();
    while (!finished && !batch.isFull()) {
      if (!lines.next()) {
        finished = true;
        break;
      }
      if (lines.isBlank() || lines.startsWith("#")) {
        continue;
      }
      if (columns == 0) {
        columns = countColumns();
      }
      long pc = lines.hexField("branch address");
      if (columns == 2) {
        boolean taken = lines.bitField("taken flag (expected 0 or 1)");
        expectEnd();
        batch.add(pc, 0, BranchKind.CONDITIONAL, taken, ++branches);
      } else {
        long target = lines.hexField("target address");
        boolean taken = lines.bitField("taken flag (expected 0 or 1)");
        boolean conditional = lines.bitField("is_conditional flag (expected 0 or 1)");
        boolean call = lines.bitField("is_call flag (expected 0 or 1)");
        boolean ret = lines.bitField("is_return flag (expected 0 or 1)");
        boolean direct = lines.bitField("is_direct flag (expected 0 or 1)");
        expectEnd();
        BranchKind kind = kindOf(conditional, call, ret, direct);
        batch.add(pc, target, kind, taken || !conditional, ++branches);
      }
    }
    return batch.size();
  }

  private static BranchKind kindOf(boolean conditional, boolean call, boolean ret,
      boolean direct) {
    if (conditional) {
      return BranchKind.CONDITIONAL;
    }
    if (ret) {
      return BranchKind.RETURN;
    }
    if (call) {
      return direct ? BranchKind.DIRECT_CALL : BranchKind.INDIRECT_CALL;
    }
    return direct ? BranchKind.DIRECT_JUMP : BranchKind.INDIRECT_JUMP;
  }

  private int countColumns() throws IOException {
    int count = 0;
    while (!lines.atEnd()) {
      lines.skipField();
      count++;
    }
    lines.seek(0);
    if (count != 2 && count != 7) {
      throw lines.error("a text trace line has 2 columns '<pc> <taken>' or 7 columns "
          + "'<pc> <target> <taken> <is_conditional> <is_call> <is_return> <is_direct>', not "
          + count);
    }
    return count;
  }

  private void expectEnd() throws IOException {
    if (!lines.atEnd()) {
      throw lines.error("more than the " + columns + " columns of the first line");
    }
  }

  @Override
  public boolean hasInstructionCounts() {
    return false;
  }

  @Override
  public long instructionsRead() {
    return branches;
  }

}
