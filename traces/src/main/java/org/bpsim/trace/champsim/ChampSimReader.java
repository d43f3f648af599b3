package org.bpsim.trace.champsim;

import java.io.IOException;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchBatch;

import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceInput;
import org.bpsim.trace.StreamedTraceReader;

/**
 * Reads ChampSim traces: one 64-byte little-endian record per instruction ({@code ip},
 * {@code is_branch}, {@code branch_taken}, 2 destination and 4 source register ids, 2 destination
 * and 4 source memory addresses). The record's own {@code is_branch} flag is ignored, as ChampSim
 * ignores it: the kind comes from the registers ({@link ChampSimBranchKinds}). A taken branch's
 * target is the next record's ip, so each branch is emitted once its successor has been read.
 */
public final class ChampSimReader extends StreamedTraceReader {
  public static final int RECORD_BYTES = 64;
  private static final int RECORDS_PER_READ = 1024;

  private final byte[] records = new byte[RECORD_BYTES * RECORDS_PER_READ];
  private final int[] destinations = new int[2];
  private final int[] sources = new int[4];

  private long instructions;
  private boolean pending;
  private long pendingPc;
  private byte pendingKind;
  private boolean pendingTaken;
  private long pendingPosition;
  private boolean finished;
  /** The last instruction position the caller wants (see stopAfter). */
  private long stopAfter = Long.MAX_VALUE;

  public ChampSimReader(TraceInput input) {
    super(input, TraceFormat.CHAMPSIM);
  }

  /** Whether the first bytes of a stream look like ChampSim records (flag bytes are 0 or 1). */
  public static boolean plausible(byte[] head) {
    int records = head.length / RECORD_BYTES;
    if (records == 0) {
      return false;
    }
    for (int r = 0; r < records; r++) {
      int base = r * RECORD_BYTES;
      if ((head[base + 8] & 0xfe) != 0 || (head[base + 9] & 0xfe) != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void stopAfter(long position) {
    stopAfter = position;
  }

  @Override
  public int read(BranchBatch batch) throws IOException {
    batch.clear();
    // past the limit (stopAfter) once the record after it is decoded: every branch up to the
    // limit is then complete, its target included
    while (!finished && !batch.isFull() && instructions <= stopAfter) {
      // Each record completes at most one pending branch, so this many records always fit.
      int want = Math.min(RECORDS_PER_READ, batch.capacity() - batch.size()) * RECORD_BYTES;
      int bytes = input.readFully(records, 0, want);
      if (bytes % RECORD_BYTES != 0) {
        long recordStart = input.offset() - bytes % RECORD_BYTES;
        throw new TraceFormatException(path(), "decompressed byte " + recordStart,
            "truncated ChampSim trace: the last record has " + bytes % RECORD_BYTES
                + " of its " + RECORD_BYTES + " bytes");
      }
      for (int base = 0; base < bytes; base += RECORD_BYTES) {
        decode(base, batch);
      }
      finished = bytes < want;
    }
    if (finished && pending) {
      batch.add(pendingPc, 0, BranchKind.ofCode(pendingKind), pendingTaken, pendingPosition);
      pending = false;
    }
    return batch.size();
  }

  private void decode(int base, BranchBatch batch) {
    long ip = littleEndianLong(base);
    instructions++;
    if (pending) {
      batch.add(pendingPc, pendingTaken ? ip : 0, BranchKind.ofCode(pendingKind), pendingTaken,
          pendingPosition);
      pending = false;
    }
    destinations[0] = records[base + 10] & 0xff;
    destinations[1] = records[base + 11] & 0xff;
    for (int i = 0; i < 4; i++) {
      sources[i] = records[base + 12 + i] & 0xff;
    }
    int kind = ChampSimBranchKinds.classify(destinations, sources);
    if (kind != ChampSimBranchKinds.NOT_A_BRANCH) {
      pending = true;
      pendingPc = ip;
      pendingKind = (byte) kind;
      boolean conditionalOrOther = kind == BranchKind.CONDITIONAL.code()
          || kind == BranchKind.OTHER.code();
      pendingTaken = !conditionalOrOther || records[base + 9] != 0;
      pendingPosition = instructions;
    }
  }

  private long littleEndianLong(int offset) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (records[offset + i] & 0xffL);
    }
    return value;
  }

  @Override
  public boolean hasInstructionCounts() {
    return true;
  }

  @Override
  public long instructionsRead() {
    return instructions;
  }

}
