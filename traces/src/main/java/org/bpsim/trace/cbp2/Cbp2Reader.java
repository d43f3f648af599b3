package org.bpsim.trace.cbp2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.Compression;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceInput;
import org.bpsim.trace.TraceReader;

/**
 * Reads the traces of Daniel Jiménez's branch-prediction contest kit (CBP-2,
 * {@code cbp2-infrastructure}): after bzip2 (or gzip), a stream of branch records, most of them
 * shrunk to one byte by a recent-branch table and a return stack that this reader replays in step
 * with the kit's compressor ({@link Cbp2Framing}, {@link RecentBranchTable}, {@link ReturnStack}).
 *
 * <p>The upper nibble of a record's code is its kind: 1 taken conditional, 2 not-taken
 * conditional, 3 direct jump, 4 indirect jump, 5 direct call (pushes address + 5), 6 indirect call
 * (pushes address + 2), 7 return. Only code {@code 0x70} exactly is treated as a return by the
 * return stack, as in the kit.
 *
 * <p><b>Instruction positions.</b> The kit records no instruction counts: it states that every
 * trace is 100,000,000 instructions and computes MPKI over that. To give
 * {@code --warmup-instructions} a meaning, this reader spreads those instructions evenly over the
 * branches: of N branches, branch i (from 1) sits at instruction {@code floor(i * 10^8 / N)}, so
 * the last one is at exactly 10^8. N is found by a framing-only pass over the stream before the
 * first branch is returned, which also rejects truncated or corrupt streams before any replay.
 */
public final class Cbp2Reader implements TraceReader {
  /** What the kit says each of its traces stands for. */
  public static final long INSTRUCTIONS_PER_TRACE = 100_000_000L;

  private static final int RETURN_CODE = 0x70;
  private static final int DIRECT_CALL_LENGTH = 5;
  private static final int INDIRECT_CALL_LENGTH = 2;
  private static final BranchKind[] KIND_OF_NIBBLE = {
      null, BranchKind.CONDITIONAL, BranchKind.CONDITIONAL, BranchKind.DIRECT_JUMP,
      BranchKind.INDIRECT_JUMP, BranchKind.DIRECT_CALL, BranchKind.INDIRECT_CALL,
      BranchKind.RETURN};
  private static final int NOT_TAKEN_NIBBLE = 2;

  private final TraceInput input;
  private final RecentBranchTable table = new RecentBranchTable();
  private final ReturnStack returns = new ReturnStack();
  private int previousTarget;
  private long branches;
  private long totalBranches = -1;
  private boolean finished;

  public Cbp2Reader(TraceInput input) {
    this.input = input;
  }

  /** Whether a file name looks like a kit trace: {@code *.trace}, optionally compressed. */
  public static boolean hasTraceName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {".bz2", ".gz", ".xz"}) {
      if (name.endsWith(suffix)) {
        name = name.substring(0, name.length() - suffix.length());
        break;
      }
    }
    return name.endsWith(".trace");
  }

  /** Whether the first decompressed bytes of a file frame as a CBP-2 stream. */
  public static boolean plausible(byte[] head) {
    return Cbp2Framing.plausible(head);
  }

  @Override
  public int read(BranchBatch batch) throws IOException {
    batch.clear();
    if (totalBranches < 0) {
      totalBranches = countBranches();
    }
    while (!finished && !batch.isFull()) {
      long start = input.offset();
      int first = input.read();
      if (first < 0) {
        finished = true;
        break;
      }
      decode(start, first, batch);
    }
    return batch.size();
  }

  private long countBranches() throws IOException {
    try (TraceInput again = TraceInput.open(input.path())) {
      return Cbp2Framing.countRecords(again);
    }
  }

  private void decode(long start, int first, BranchBatch batch) throws IOException {
    int fix = 0;
    if (Cbp2Framing.isFix(first)) {
      fix = first == Cbp2Framing.RETURN_TARGET_PLUS_2 ? 2 : -3;
      first = input.read();
      if (first < 0) {
        throw Cbp2Framing.truncated(path(), start, "ends after a return-target fix byte");
      }
    }
    int setBase = RecentBranchTable.setBase(previousTarget);
    int code;
    int address;
    int target;
    if (first < Cbp2Framing.TABLE_HITS) {
      int entry = setBase + (first & (RecentBranchTable.WAYS - 1));
      code = table.code(entry);
      if (code == 0) {
        throw new TraceFormatException(path(), "decompressed byte " + start,
            "corrupt CBP-2 trace: table hit " + first + " names an empty slot of the "
                + "recent-branch table");
      }
      address = table.address(entry);
      target = table.target(entry);
      if (code == RETURN_CODE) {
        int predicted = returns.pop();
        if (first >= RecentBranchTable.WAYS) {
          target = predicted + fix;
        } else {
          returns.flush();
        }
      }
      table.touch(entry);
    } else if (first <= Cbp2Framing.LAST_FULL_CODE) {
      code = first;
      address = readWord(start);
      target = readWord(start);
      if (code == RETURN_CODE) {
        // The compressor pops on every return and flushes when even a fix could not repair it.
        int predicted = returns.pop();
        if (predicted != target && predicted != target - 2 && predicted != target + 3) {
          returns.flush();
        }
      }
      table.insert(setBase, code, address, target);
    } else {
      throw Cbp2Framing.badByte(path(), fix == 0 ? start : start + 1, first,
          fix == 0 ? "" : "after a return-target fix byte");
    }
    previousTarget = target;

    int nibble = code >>> 4;
    BranchKind kind = KIND_OF_NIBBLE[nibble];
    if (kind == BranchKind.DIRECT_CALL) {
      returns.push(address + DIRECT_CALL_LENGTH);
    } else if (kind == BranchKind.INDIRECT_CALL) {
      returns.push(address + INDIRECT_CALL_LENGTH);
    }
    branches++;
    batch.add(address & 0xffff_ffffL, target & 0xffff_ffffL, kind, nibble != NOT_TAKEN_NIBBLE,
        positionOf(branches));
  }

  private int readWord(long recordStart) throws IOException {
    int word = 0;
    for (int shift = 0; shift < 32; shift += 8) {
      int b = input.read();
      if (b < 0) {
        throw Cbp2Framing.truncated(path(), recordStart, "the last record has "
            + (int) (input.offset() - recordStart) + " of its " + Cbp2Framing.FULL_RECORD_BYTES
            + " bytes");
      }
      word |= b << shift;
    }
    return word;
  }

  private long positionOf(long branch) {
    return branch * INSTRUCTIONS_PER_TRACE / Math.max(totalBranches, 1);
  }

  @Override
  public Path path() {
    return input.path();
  }

  @Override
  public TraceFormat format() {
    return TraceFormat.CBP2;
  }

  @Override
  public Compression compression() {
    return input.compression();
  }

  @Override
  public boolean hasInstructionCounts() {
    return true;
  }

  @Override
  public long instructionsRead() {
    return finished ? INSTRUCTIONS_PER_TRACE : positionOf(branches);
  }

  @Override
  public OptionalLong declaredInstructions() {
    return OptionalLong.of(INSTRUCTIONS_PER_TRACE);
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
