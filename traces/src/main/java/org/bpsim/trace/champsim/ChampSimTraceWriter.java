package org.bpsim.trace.champsim;

import static org.bpsim.trace.champsim.ChampSimBranchKinds.REG_FLAGS;
import static org.bpsim.trace.champsim.ChampSimBranchKinds.REG_INSTRUCTION_POINTER;
import static org.bpsim.trace.champsim.ChampSimBranchKinds.REG_STACK_POINTER;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.CompressedOutput;
import org.bpsim.trace.Compression;
import org.bpsim.trace.TraceWriter;

/**
 * Writes ChampSim instruction traces. ChampSim records no branch kind, only registers, so each
 * branch gets the register pattern that {@link ChampSimBranchKinds#classify} maps back to its
 * kind; the instructions between branches are filler records that touch no branch register.
 *
 * <p>ChampSim knows a taken branch's target only as the ip of the next record, so the record after
 * a taken branch is placed at its target when it is filler; a branch that directly follows keeps
 * its own address, and its predecessor's target reads back as that address.
 */
public final class ChampSimTraceWriter implements TraceWriter {
  private static final int[] FILLER_DESTINATIONS = {1};
  private static final int[] FILLER_SOURCES = {2};
  private static final int OTHER_REGISTER = 3;
  private static final int INSTRUCTION_BYTES = 4;

  private final OutputStream out;
  private final byte[] record = new byte[ChampSimReader.RECORD_BYTES];
  private long lastPosition;
  private long nextIp;

  public ChampSimTraceWriter(Path path, Compression compression) throws IOException {
    this(CompressedOutput.open(path, compression));
  }

  /** Writes to {@code out}, which must already compress if compression is wanted. */
  public ChampSimTraceWriter(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(long pc, long target, BranchKind kind, boolean taken, long position)
      throws IOException {
    if (position <= lastPosition) {
      throw new IllegalArgumentException("position " + position + " does not follow "
          + lastPosition);
    }
    while (lastPosition + 1 < position) {
      writeRecord(nextIp, false, false, FILLER_DESTINATIONS, FILLER_SOURCES);
      nextIp += INSTRUCTION_BYTES;
      lastPosition++;
    }
    boolean flag = taken || !(kind.isConditional() || kind == BranchKind.OTHER);
    writeRecord(pc, true, flag, destinations(kind), sources(kind));
    lastPosition = position;
    nextIp = flag ? target : pc + INSTRUCTION_BYTES;
  }

  /** Appends filler so that the trace holds {@code instructions} records in all. */
  public void padTo(long instructions) throws IOException {
    while (lastPosition < instructions) {
      writeRecord(nextIp, false, false, FILLER_DESTINATIONS, FILLER_SOURCES);
      nextIp += INSTRUCTION_BYTES;
      lastPosition++;
    }
  }

  private static int[] destinations(BranchKind kind) {
    switch (kind) {
      case DIRECT_CALL:
      case INDIRECT_CALL:
      case RETURN:
        return new int[] {REG_INSTRUCTION_POINTER, REG_STACK_POINTER};
      default:
        return new int[] {REG_INSTRUCTION_POINTER};
    }
  }

  private static int[] sources(BranchKind kind) {
    switch (kind) {
      case CONDITIONAL:
        return new int[] {REG_INSTRUCTION_POINTER, REG_FLAGS};
      case DIRECT_JUMP:
        return new int[] {REG_INSTRUCTION_POINTER};
      case INDIRECT_JUMP:
        return new int[] {OTHER_REGISTER};
      case DIRECT_CALL:
        return new int[] {REG_INSTRUCTION_POINTER, REG_STACK_POINTER};
      case INDIRECT_CALL:
        return new int[] {REG_INSTRUCTION_POINTER, REG_STACK_POINTER, OTHER_REGISTER};
      case RETURN:
        return new int[] {REG_STACK_POINTER};
      case OTHER:
        return new int[] {REG_INSTRUCTION_POINTER, REG_STACK_POINTER};
      default:
        throw new IllegalArgumentException("no ChampSim register pattern for " + kind);
    }
  }

  private void writeRecord(long ip, boolean branch, boolean taken, int[] destinations,
      int[] sources) throws IOException {
    Arrays.fill(record, (byte) 0);
    for (int i = 0; i < 8; i++) {
      record[i] = (byte) (ip >>> (8 * i));
    }
    record[8] = (byte) (branch ? 1 : 0);
    record[9] = (byte) (taken ? 1 : 0);
    for (int i = 0; i < destinations.length; i++) {
      record[10 + i] = (byte) destinations[i];
    }
    for (int i = 0; i < sources.length; i++) {
      record[12 + i] = (byte) sources[i];
    }
    out.write(record);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
