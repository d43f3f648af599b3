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
 * The BT9 reader as first written, line by line through {@link LineReader}, kept so that
 * {@link Bt9ReaderEquivalenceTest} can hold the fast reader to it. Reads CBP-2016 BT9 traces. The file is a graph: a node per static branch (address and class
 * such as {@code JMP+DIR+CND}), an edge per observed transition (taken or not, target, and the
 * number of non-branch instructions until the next branch), then the dynamic execution as a
 * sequence of edge ids, one per line, closed by an {@code EOF} line.
 *
 * <p>Like the CBP-2016 kit, the first node (id 0) is a placeholder that is not a branch; each
 * executed node still counts as one instruction, so positions add up to the header's
 * {@code total_instruction_count}.
 */
final class ReferenceBt9Reader extends StreamedTraceReader {
  private static final byte NOT_A_BRANCH = -1;

  private final LineReader lines;
  private final long declaredInstructions;

  private long[] nodeAddress = new long[64];
  private byte[] nodeKind = new byte[64];
  private int nodeCount;

  private int[] edgeSource = new int[64];
  private boolean[] edgeTaken = new boolean[64];
  private long[] edgeTarget = new long[64];
  private long[] edgeInstructions = new long[64];
  private int edgeCount;

  private long position;
  private long sequenceIndex;
  private boolean finished;

  ReferenceBt9Reader(TraceInput input) throws IOException {
    super(input, TraceFormat.BT9);
    this.lines = new LineReader(input);
    this.declaredInstructions = readHeader();
    readNodes();
    readEdges();
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
      edgeSource = Arrays.copyOf(edgeSource, capacity);
      edgeTaken = Arrays.copyOf(edgeTaken, capacity);
      edgeTarget = Arrays.copyOf(edgeTarget, capacity);
      edgeInstructions = Arrays.copyOf(edgeInstructions, capacity);
    }
  }

  @Override
  public int read(BranchBatch batch) throws IOException {
    batch.clear();
    while (!finished && !batch.isFull()) {
      int edge = nextEdge();
      if (edge < 0) {
        finished = true;
        break;
      }
      int node = edgeSource[edge];
      position++;
      byte kind = nodeKind[node];
      if (kind != NOT_A_BRANCH) {
        batch.add(nodeAddress[node], edgeTarget[edge], BranchKind.ofCode(kind), edgeTaken[edge],
            position);
      } else if (sequenceIndex != 1) {
        throw new TraceFormatException(path(), "edge sequence line " + lines.lineNumber(),
            "edge " + edge + " leaves node " + node + ", which has no branch class");
      }
      position += edgeInstructions[edge];
    }
    return batch.size();
  }

  /** The next edge id of the sequence, or -1 at the closing EOF line. */
  private int nextEdge() throws IOException {
    while (true) {
      if (!lines.next()) {
        throw new TraceFormatException(path(), "edge sequence line " + (lines.lineNumber() + 1),
            "truncated BT9 trace: the edge sequence ends without its EOF line");
      }
      if (lines.startsWith("EOF")) {
        return -1;
      }
      if (lines.isBlank()) {
        continue;
      }
      long id = lines.decimalField("edge id");
      if (id >= edgeCount) {
        throw lines.error("edge id " + id + " is not in the edge table (" + edgeCount
            + " edges)");
      }
      sequenceIndex++;
      return (int) id;
    }
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

}
