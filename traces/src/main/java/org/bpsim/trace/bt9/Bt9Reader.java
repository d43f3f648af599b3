package org.bpsim.trace.bt9;

import java.io.IOException;

import java.util.Arrays;
import java.util.OptionalLong;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchBatch;

import org.bpsim.trace.LineReader;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceInput;
import org.bpsim.trace.StreamedTraceReader;

/**
 * Reads CBP-2016 BT9 traces. The file is a graph: a node per static branch (address and class
 * such as {@code JMP+DIR+CND}), an edge per observed transition (taken or not, target, and the
 * number of non-branch instructions until the next branch), then the dynamic execution as a
 * sequence of edge ids, one per line, closed by an {@code EOF} line.
 *
 * <p>Like the CBP-2016 kit, the first node (id 0) is a placeholder that is not a branch; each
 * executed node still counts as one instruction, so positions add up to the header's
 * {@code total_instruction_count}.
 */
public final class Bt9Reader extends StreamedTraceReader {
  private static final byte NOT_A_BRANCH = -1;
  private static final int BLOCK_SIZE = 1 << 18;
  /** Edge ids of at most this many digits cannot overflow an int. */
  private static final int FAST_DIGITS = 9;

  private final LineReader lines;
  private final long declaredInstructions;

  private long[] nodeAddress = new long[64];
  private byte[] nodeKind = new byte[64];
  private int nodeCount;

  // Per edge, everything a batch entry needs, so that filling a batch is table look-ups: the
  // branch at the edge's source node (its address and kind, NOT_A_BRANCH for the placeholder
  // node), where the edge goes, and the instructions that follow it.
  private long[] edgePc = new long[64];
  private byte[] edgeKind = new byte[64];
  private int[] edgeSource = new int[64];
  private boolean[] edgeTaken = new boolean[64];
  private long[] edgeTarget = new long[64];
  private long[] edgeInstructions = new long[64];
  private int edgeCount;

  // The edge sequence is scanned in place in a block of decompressed bytes; bytes
  // [next, complete) are whole lines, [complete, filled) the start of a line still being read.
  private byte[] block = new byte[BLOCK_SIZE];
  private int next;
  private int complete;
  private int filled;
  private boolean inputEnded;
  private long lineNumber;

  private long position;
  private long sequenceIndex;
  private boolean finished;

  public Bt9Reader(TraceInput input) throws IOException {
    super(input, TraceFormat.BT9);
    this.lines = new LineReader(input);
    this.declaredInstructions = readHeader();
    readNodes();
    readEdges();
    lineNumber = lines.lineNumber();
  }

  private long readHeader() throws IOException {
    if (!lines.next() || !lines.startsWith("BT9_SPA_TRACE_FORMAT")) {
      throw lines.error("not a BT9 trace: first line must be BT9_SPA_TRACE_FORMAT");
    }
    long total = -1;
    while (true) {
      if (!lines.next()) {
        throw lines.error("truncated BT9 header: no BT9_NODES section");
      }
      if (lines.startsWith("BT9_NODES")) {
        return total;
      }
      if (lines.startsWith("total_instruction_count:")) {
        lines.seek("total_instruction_count:".length());
        total = lines.decimalField("total_instruction_count");
      }
    }
  }

  private void readNodes() throws IOException {
    while (true) {
      if (!lines.next()) {
        throw lines.error("truncated BT9 node table: no BT9_EDGES section");
      }
      if (lines.startsWith("BT9_EDGES")) {
        return;
      }
      if (lines.isBlank() || lines.startsWith("#")) {
        continue;
      }
      if (!lines.startsWith("NODE")) {
        throw lines.error("expected a NODE line in the node table");
      }
      lines.seek(4);
      int id = tableId(lines.decimalField("node id"), "node", nodeCount);
      long address = lines.hexField("node virtual address");
      String text = lines.text();
      int classAt = text.indexOf("class:");
      byte kind = NOT_A_BRANCH;
      if (classAt >= 0) {
        lines.seek(classAt + "class:".length());
        kind = parseClass(lines.field()).code();
      }
      ensureNodeCapacity(id + 1);
      nodeAddress[id] = address;
      nodeKind[id] = kind;
      nodeCount = Math.max(nodeCount, id + 1);
    }
  }

  private void readEdges() throws IOException {
    while (true) {
      if (!lines.next()) {
        throw lines.error("truncated BT9 edge table: no BT9_EDGE_SEQUENCE section");
      }
      if (lines.startsWith("BT9_EDGE_SEQUENCE")) {
        return;
      }
      if (lines.isBlank() || lines.startsWith("#")) {
        continue;
      }
      if (!lines.startsWith("EDGE")) {
        throw lines.error("expected an EDGE line in the edge table");
      }
      lines.seek(4);
      int id = tableId(lines.decimalField("edge id"), "edge", edgeCount);
      long source = lines.decimalField("edge source node");
      lines.decimalField("edge destination node");
      String taken = lines.field();
      if (!taken.equals("T") && !taken.equals("N")) {
        throw lines.error("bad edge direction '" + taken + "' (expected T or N)");
      }
      long target = lines.hexField("edge target");
      lines.skipField();
      long instructions = lines.decimalField("edge instruction count");
      if (source >= nodeCount) {
        throw lines.error("edge " + id + " starts at unknown node " + source);
      }
      ensureEdgeCapacity(id + 1);
      edgePc[id] = nodeAddress[(int) source];
      edgeKind[id] = nodeKind[(int) source];
      edgeSource[id] = (int) source;
      // An unconditional branch always goes its way; a stray N on one must not reach the
      // predictors as a not-taken jump, which the branch model does not allow.
      byte sourceKind = nodeKind[(int) source];
      boolean unconditional = sourceKind != NOT_A_BRANCH
          && sourceKind != BranchKind.CONDITIONAL.code();
      edgeTaken[id] = taken.equals("T") || unconditional;
      edgeTarget[id] = target;
      edgeInstructions[id] = instructions;
      edgeCount = Math.max(edgeCount, id + 1);
    }
  }

  /**
   * Table ids must count up from 0 without gaps, as the kit writes them: a gap would leave an
   * entry that was never defined, and a huge id would allocate a huge table.
   */
  private int tableId(long id, String what, int expected) throws TraceFormatException {
    if (id != expected) {
      throw lines.error(what + " id " + id + " out of order: expected " + expected
          + " (ids count up from 0)");
    }
    return (int) id;
  }

  private BranchKind parseClass(String text) throws TraceFormatException {
    String[] parts = text.split("\\+");
    if (parts.length != 3) {
      throw lines.error("bad branch class '" + text + "' (expected e.g. JMP+DIR+CND)");
    }
    boolean direct = parts[1].equals("DIR");
    if (!direct && !parts[1].equals("IND")) {
      throw lines.error("bad branch class '" + text + "': " + parts[1] + " is neither DIR nor IND");
    }
    if (parts[2].equals("CND")) {
      return BranchKind.CONDITIONAL;
    }
    if (!parts[2].equals("UCD")) {
      throw lines.error("bad branch class '" + text + "': " + parts[2] + " is neither CND nor UCD");
    }
    switch (parts[0]) {
      case "JMP":
        return direct ? BranchKind.DIRECT_JUMP : BranchKind.INDIRECT_JUMP;
      case "CALL":
        return direct ? BranchKind.DIRECT_CALL : BranchKind.INDIRECT_CALL;
      case "RET":
        return BranchKind.RETURN;
      default:
        throw lines.error("bad branch class '" + text + "': unknown type " + parts[0]);
    }
  }

  private void ensureNodeCapacity(int size) {
    if (size > nodeAddress.length) {
      int capacity = Math.max(size, nodeAddress.length * 2);
      nodeAddress = Arrays.copyOf(nodeAddress, capacity);
      nodeKind = Arrays.copyOf(nodeKind, capacity);
    }
  }

  private void ensureEdgeCapacity(int size) {
    if (size > edgeSource.length) {
      int capacity = Math.max(size, edgeSource.length * 2);
      edgePc = Arrays.copyOf(edgePc, capacity);
      edgeKind = Arrays.copyOf(edgeKind, capacity);
      edgeSource = Arrays.copyOf(edgeSource, capacity);
      edgeTaken = Arrays.copyOf(edgeTaken, capacity);
      edgeTarget = Arrays.copyOf(edgeTarget, capacity);
      edgeInstructions = Arrays.copyOf(edgeInstructions, capacity);
    }
  }

  @Override
  public int read(BranchBatch batch) throws IOException {
    batch.clear();
    long[] pcs = batch.pc;
    long[] targets = batch.target;
    byte[] kinds = batch.kind;
    boolean[] takens = batch.taken;
    long[] positions = batch.position;
    int capacity = batch.capacity();
    int n = 0;
    byte[] bytes = block;
    int at = next;
    int end = complete;
    long pos = position;
    long line = lineNumber;
    // Nearly every line is an edge id in decimal and a LF: that case is parsed here, in place;
    // anything else (blank lines, CR, spaces, the EOF line, errors) goes through the LineReader
    // exactly as the header does.
    while (n < capacity && !finished) {
      int edge;
      if (at < end) {
        int digit = bytes[at] - '0';
        int scan = at;
        int id = 0;
        while (digit >= 0 && digit <= 9) {
          id = id * 10 + digit;
          digit = bytes[++scan] - '0';
        }
        if (digit == '\n' - '0' && scan > at && scan - at <= FAST_DIGITS && id < edgeCount) {
          line++;
          sequenceIndex++;
          at = scan + 1;
          edge = id;
        } else {
          int lineEnd = at;
          while (bytes[lineEnd] != '\n') {
            lineEnd++;
          }
          checkLineLength(lineEnd - at, line + 1);
          lines.load(bytes, at, lineEnd, ++line, false);
          at = lineEnd + 1;
          edge = slowEdge();
          if (edge < 0) {
            continue;
          }
        }
      } else {
        next = at;
        lineNumber = line;
        if (!refill()) {
          if (filled > next) {
            // the last line has no LF: the old reader still parsed it, and so does this one
            checkLineLength(filled - next, line + 1);
            lines.load(block, next, filled, ++line, true);
            lineNumber = line;
            next = filled;
            complete = filled;
            edge = slowEdge();
            at = next;
            end = complete;
            if (edge < 0) {
              continue;
            }
          } else {
            throw new TraceFormatException(path(), "edge sequence line " + (line + 1),
                "truncated BT9 trace: the edge sequence ends without its EOF line");
          }
        } else {
          bytes = block;
          at = next;
          end = complete;
          continue;
        }
      }
      pos++;
      byte kind = edgeKind[edge];
      if (kind != NOT_A_BRANCH) {
        pcs[n] = edgePc[edge];
        targets[n] = edgeTarget[edge];
        kinds[n] = kind;
        takens[n] = edgeTaken[edge];
        positions[n] = pos;
        n++;
      } else if (sequenceIndex != 1) {
        throw new TraceFormatException(path(), "edge sequence line " + line,
            "edge " + edge + " leaves node " + edgeSource[edge] + ", which has no branch class");
      }
      pos += edgeInstructions[edge];
    }
    next = at;
    lineNumber = line;
    position = pos;
    batch.setSize(n);
    return n;
  }

  /**
   * The edge id on the line loaded into {@link #lines}, as the line-by-line reader always parsed
   * it; -1 for a blank line, and -1 with {@link #finished} set for the closing EOF line.
   */
  private int slowEdge() throws TraceFormatException {
    if (lines.startsWith("EOF")) {
      finished = true;
      return -1;
    }
    if (lines.isBlank()) {
      return -1;
    }
    long id = lines.decimalField("edge id");
    if (id >= edgeCount) {
      throw lines.error("edge id " + id + " is not in the edge table (" + edgeCount
          + " edges)");
    }
    sequenceIndex++;
    return (int) id;
  }

  /**
   * Moves the unread bytes to the front of the block and reads more, until the block holds at
   * least one whole line; false once the input has ended without completing another line.
   */
  private boolean refill() throws IOException {
    while (true) {
      int kept = filled - next;
      System.arraycopy(block, next, block, 0, kept);
      next = 0;
      complete = 0;
      filled = kept;
      // the kept bytes hold no LF: they are the start of the next line
      checkLineLength(kept, lineNumber + 1);
      if (inputEnded) {
        return false;
      }
      if (filled == block.length) {
        block = Arrays.copyOf(block, block.length * 2);
      }
      int read = input.readFully(block, filled, block.length - filled);
      if (read < block.length - filled) {
        inputEnded = true;
      }
      int from = filled;
      filled += read;
      int lastNewline = lastNewline(block, from, filled);
      if (lastNewline >= 0) {
        complete = lastNewline + 1;
        return true;
      }
    }
  }

  /** Lines are limited in length as the line-by-line reader limits them, with its message. */
  private void checkLineLength(int length, long line) throws TraceFormatException {
    if (length > LineReader.MAX_LINE) {
      throw new TraceFormatException(path(), "line " + line,
          "line longer than " + LineReader.MAX_LINE + " bytes");
    }
  }

  /** The index of the last LF in {@code bytes[from, to)}, or -1. */
  private static int lastNewline(byte[] bytes, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean hasInstructionCounts() {
    return true;
  }

  @Override
  public long instructionsRead() {
    return position;
  }

  @Override
  public OptionalLong declaredInstructions() {
    return declaredInstructions < 0 ? OptionalLong.empty() : OptionalLong.of(declaredInstructions);
  }

  /**
   * The kit's rule is to use the header's {@code total_instruction_count}, so that CBP-2016
   * numbers stay exact; a header that disagrees with the trace's own counts is still used, but
   * said, with both numbers. The kit's own traces disagree by a few instructions in a hundred
   * million (up to 423 in SHORT_MOBILE-3), a convention of its counting, not damage: only a
   * difference of more than 0.1 % is worth a warning.
   */
  @Override
  public java.util.List<String> warnings() {
    if (finished && declaredInstructions >= 0
        && disagrees(declaredInstructions, position)) {
      return java.util.List.of(path() + ": the header's total_instruction_count is "
          + declaredInstructions + " but the trace's own instruction counts add up to "
          + position + "; the header's count is used, as the CBP-2016 kit does");
    }
    return java.util.List.of();
  }

  /** Whether a declared instruction count is more than 0.1 % away from the counted one. */
  public static boolean disagrees(long declared, long counted) {
    return Math.abs((double) declared - counted) > Math.max(1, counted) / 1000.0;
  }

}
