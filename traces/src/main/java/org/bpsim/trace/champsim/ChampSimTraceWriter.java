package org.bpsim.trace.champsim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.CompressedOutput;
import org.bpsim.trace.Compression;
import org.bpsim.trace.TraceWriter;

/**
 * Writes ChampSim instruction traces. ChampSim records no branch kind, only registers, so each
 * branch gets the register pattern that {@link ChampSimBranchKinds#classify} maps back to its
 * kind (the patterns live in {@link ChampSimRecordWriter}); the instructions between branches
 * are filler records that touch no register.
 *
 * <p>ChampSim knows a taken branch's target only as the ip of the next record, so the record after
 * a taken branch is placed at its target when it is filler; a branch that directly follows keeps
 * its own address, and its predecessor's target reads back as that address.
 */
public final class ChampSimTraceWriter implements TraceWriter {
  private static final int INSTRUCTION_BYTES = 4;
  private static final long[] NO_ADDRESSES = new long[0];

  private final ChampSimRecordWriter records;
  private long lastPosition;
  private long nextIp;

  public ChampSimTraceWriter(Path path, Compression compression) throws IOException {
    this(CompressedOutput.open(path, compression));
  }

  /** Writes to {@code out}, which must already compress if compression is wanted. */
  public ChampSimTraceWriter(OutputStream out) {
    this.records = new ChampSimRecordWriter(out);
  }

  @Override
  public void write(long pc, long target, BranchKind kind, boolean taken, long position)
      throws IOException {
    if (position <= lastPosition) {
      throw new IllegalArgumentException("position " + position + " does not follow "
          + lastPosition);
    }
    padTo(position - 1);
    boolean flag = taken || !(kind.isConditional() || kind == BranchKind.OTHER);
    records.write(pc, kind.code(), flag, NO_ADDRESSES, 0, NO_ADDRESSES, 0);
    lastPosition = position;
    nextIp = flag ? target : pc + INSTRUCTION_BYTES;
  }

  /** Appends filler so that the trace holds {@code instructions} records in all. */
  public void padTo(long instructions) throws IOException {
    while (lastPosition < instructions) {
      records.write(nextIp, ChampSimBranchKinds.NOT_A_BRANCH, false, NO_ADDRESSES, 0,
          NO_ADDRESSES, 0);
      nextIp += INSTRUCTION_BYTES;
      lastPosition++;
    }
  }

  @Override
  public void close() throws IOException {
    records.close();
  }
}
