package org.bpsim.trace.bt9;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.CompressedOutput;
import org.bpsim.trace.Compression;
import org.bpsim.trace.TraceWriter;

/**
 * Writes CBP-2016 BT9 traces that {@link Bt9Reader} (and the kit) read. BT9 puts the header's
 * instruction count and the whole node and edge tables before the dynamic sequence, so the
 * sequence of edge ids is spooled to a temporary file while the tables grow in memory (they hold
 * static branches and distinct transitions only), and everything is written out on close.
 *
 * <p>As in the kit's traces, node 0 is a placeholder that is not a branch; when the first branch
 * is not the first instruction, the sequence starts with an edge from it that covers the
 * instructions before that branch.
 */
public final class Bt9TraceWriter implements TraceWriter {
  private final OutputStream out;
  private final Path spoolFile;
  private final DataOutputStream spool;

  private final Map<Node, Integer> nodeIds = new HashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final Map<Edge, Integer> edgeIds = new HashMap<>();
  private final List<Edge> edges = new ArrayList<>();
  private long sequenceLength;

  private boolean pending;
  private int pendingNode;
  private boolean pendingTaken;
  private long pendingTarget;
  private long lastPosition;
  private long totalInstructions = -1;
  private boolean closed;

  private record Node(long address, BranchKind kind) {
  }

  private record Edge(int source, int destination, boolean taken, long target,
      long instructions) {
  }

  public Bt9TraceWriter(Path path, Compression compression) throws IOException {
    this(CompressedOutput.open(path, compression), path.toAbsolutePath().getParent());
  }

  /**
   * Writes to {@code out} (compressing already if wanted), spooling the sequence in
   * {@code spoolDirectory}.
   */
  public Bt9TraceWriter(OutputStream out, Path spoolDirectory) throws IOException {
    this.out = out;
    this.spoolFile = Files.createTempFile(spoolDirectory, ".bt9-sequence", ".tmp");
    this.spool = new DataOutputStream(new BufferedOutputStream(
        Files.newOutputStream(spoolFile), 1 << 16));
    nodes.add(null);
  }

  @Override
  public void write(long pc, long target, BranchKind kind, boolean taken, long position)
      throws IOException {
    if (position <= lastPosition) {
      throw new IllegalArgumentException("position " + position + " does not follow "
          + lastPosition);
    }
    if (!kind.isConditional() && !taken) {
      throw new IllegalArgumentException("an unconditional branch is always taken");
    }
    if (kind == BranchKind.OTHER) {
      throw new IllegalArgumentException("BT9 branch classes cannot express " + kind);
    }
    int node = nodeIds.computeIfAbsent(new Node(pc, kind), n -> {
      nodes.add(n);
      return nodes.size() - 1;
    });
    if (pending) {
      closeEdge(node, position - lastPosition - 1);
    } else if (position > 1) {
      appendEdge(new Edge(0, node, false, 0, position - 2));
    }
    pending = true;
    pendingNode = node;
    pendingTaken = taken;
    pendingTarget = target;
    lastPosition = position;
  }

  /**
   * Declares the trace's instruction count for the header, at least the last branch's position;
   * without it the trace ends with its last branch.
   */
  public void totalInstructions(long instructions) {
    totalInstructions = instructions;
  }

  private void closeEdge(int destination, long instructionsBetween) throws IOException {
    appendEdge(new Edge(pendingNode, destination, pendingTaken, pendingTarget,
        instructionsBetween));
  }

  private void appendEdge(Edge edge) throws IOException {
    int id = edgeIds.computeIfAbsent(edge, e -> {
      edges.add(e);
      return edges.size() - 1;
    });
    spool.writeInt(id);
    sequenceLength++;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      long total = Math.max(totalInstructions, lastPosition);
      if (pending) {
        nodes.add(new Node(-1L, null));
        closeEdge(nodes.size() - 1, total - lastPosition);
      }
      spool.close();
      Writer text = new java.io.OutputStreamWriter(out, StandardCharsets.US_ASCII);
      writeTables(text, total);
      writeSequence(text);
      text.write("EOF # end of the edge sequence\n");
      text.flush();
    } finally {
      try {
        out.close();
      } finally {
        spool.close();
        Files.deleteIfExists(spoolFile);
      }
    }
  }

  private void writeTables(Writer text, long total) throws IOException {
    text.write("BT9_SPA_TRACE_FORMAT\n");
    text.write("bt9_minor_version: 0\n");
    text.write(String.format(Locale.ROOT, "total_instruction_count: %16d    # written by bpsim\n",
        total));
    text.write(String.format(Locale.ROOT, "branch_instruction_count: %16d\n",
        sequenceLength));
    text.write("BT9_NODES\n");
    text.write("#NODE   id      virtual_address    physical_address          opcode  size\n");
    for (int id = 0; id < nodes.size(); id++) {
      Node node = nodes.get(id);
      if (node == null || node.kind() == null) {
        text.write(String.format(Locale.ROOT, "NODE %5d %20s %20s %16d %4d\n", id,
            node == null ? "0" : "0x" + Long.toHexString(node.address()), "-", 0, 0));
      } else {
        text.write(String.format(Locale.ROOT,
            "NODE %5d %20s %20s %16s %4d    class: %12s\n", id,
            "0x" + Long.toHexString(node.address()), "-", "0x0", 4, branchClass(node.kind())));
      }
    }
    text.write("BT9_EDGES\n");
    text.write("#EDGE    id  src_id   dest_id  taken      br_virt_target       br_phy_target"
        + "   inst_cnt\n");
    for (int id = 0; id < edges.size(); id++) {
      Edge edge = edges.get(id);
      text.write(String.format(Locale.ROOT, "EDGE %6d %6d %6d %8s %20s %20s %8d\n", id,
          edge.source(), edge.destination(), edge.taken() ? "T" : "N",
          "0x" + Long.toHexString(edge.target()), "-", edge.instructions()));
    }
  }

  private void writeSequence(Writer text) throws IOException {
    text.write("BT9_EDGE_SEQUENCE\n");
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        Files.newInputStream(spoolFile), 1 << 16))) {
      for (long i = 0; i < sequenceLength; i++) {
        text.write(Integer.toString(in.readInt()));
        text.write('\n');
      }
    } catch (EOFException e) {
      throw new IOException("spooled BT9 edge sequence is shorter than written", e);
    }
  }

  /** The kit's class names: type, DIR/IND, CND/UCD. */
  static String branchClass(BranchKind kind) {
    switch (kind) {
      case CONDITIONAL:
        return "JMP+DIR+CND";
      case DIRECT_JUMP:
        return "JMP+DIR+UCD";
      case INDIRECT_JUMP:
        return "JMP+IND+UCD";
      case DIRECT_CALL:
        return "CALL+DIR+UCD";
      case INDIRECT_CALL:
        return "CALL+IND+UCD";
      case RETURN:
        return "RET+IND+UCD";
      default:
        throw new IllegalArgumentException("BT9 has no class for " + kind);
    }
  }
}
