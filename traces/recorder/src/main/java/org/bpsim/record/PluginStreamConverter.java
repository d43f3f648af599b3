package org.bpsim.record;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.champsim.ChampSimBranchKinds;
import org.bpsim.trace.champsim.ChampSimRecordWriter;

/**
 * Turns the stream of bpsim's QEMU plugin (described in {@code bpsim-qemu-plugin.c}) into ChampSim
 * records. An instruction is written once the next one is announced: only then is it known whether
 * a conditional branch fell through. Memory stays flat: one read buffer, one pending instruction,
 * and the table of translated instructions.
 */
public final class PluginStreamConverter {
  static final byte[] HEADER = "BPSIMQ2\n".getBytes(StandardCharsets.US_ASCII);

  private final InputStream in;
  private final ChampSimRecordWriter writer;
  private final long maxInstructions;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long consumed;

  private final InstructionTable table = new InstructionTable();
  private final long[] loads = new long[ChampSimRecordWriter.MAX_LOADS];
  private final long[] stores = new long[ChampSimRecordWriter.MAX_STORES];
  private final byte[] code = new byte[256];
  private final byte[] pendingRegisters = new byte[InstructionTable.REGISTERS];

  private boolean pending;
  private long pendingPc;
  private int pendingKind;
  private int pendingLength;
  private boolean pendingRecognised;
  private int loadCount;
  private int storeCount;
  private long dropped;
  private long unrecognised;

  private final long[] branchesByKind = new long[BranchKind.values().length];
  private long conditionalTaken;

  /**
   * @param maxInstructions stop after writing this many instructions (Long.MAX_VALUE: no limit)
   */
  public PluginStreamConverter(InputStream in, ChampSimRecordWriter writer, long maxInstructions) {
    this.in = in;
    this.writer = writer;
    this.maxInstructions = maxInstructions;
  }

  /** Converts the whole stream; a stream that ends without its end marker is an error. */
  public RecordingSummary convert() throws IOException {
    if (!fill(HEADER.length)
        || !Arrays.equals(buffer, position, position + HEADER.length, HEADER, 0, HEADER.length)) {
      throw new IOException("the QEMU plugin's output does not start with its header");
    }
    position += HEADER.length;
    while (true) {
      if (!fill(9)) {
        throw new EOFException("the QEMU plugin's output ended at byte " + offset()
            + " without its end marker (did the program crash?)");
      }
      byte tag = buffer[position];
      long value = littleEndianLong(position + 1);
      position += 9;
      switch (tag) {
        case 'X':
          if (execute(value)) {
            return summary(-1);
          }
          break;
        case 'R':
          if (pending && !contains(loads, loadCount, value)) {
            if (loadCount < loads.length) {
              loads[loadCount++] = value;
            } else {
              dropped++;
            }
          }
          break;
        case 'W':
          if (pending && !contains(stores, storeCount, value)) {
            if (storeCount < stores.length) {
              stores[storeCount++] = value;
            } else {
              dropped++;
            }
          }
          break;
        case 'I':
          translate(value);
          break;
        case 'E':
          if (pending && writer.written() < maxInstructions) {
            // The program's last instruction (its exit system call): nothing follows it.
            emit(false);
          }
          return summary(value);
        default:
          throw new IOException("unexpected byte 0x" + Integer.toHexString(tag & 0xff)
              + " in the QEMU plugin's output at byte " + (offset() - 9));
      }
    }
  }

  private void translate(long pc) throws IOException {
    if (pc == 0) {
      throw new IOException("the QEMU plugin's output translates address 0 at byte "
          + (offset() - 9));
    }
    if (!fill(1)) {
      throw new EOFException("the QEMU plugin's output ends inside an instruction");
    }
    int length = buffer[position++] & 0xff;
    if (!fill(length + 1)) {
      throw new EOFException("the QEMU plugin's output ends inside an instruction");
    }
    System.arraycopy(buffer, position, code, 0, length);
    position += length;
    int textLength = buffer[position++] & 0xff;
    if (!fill(textLength)) {
      throw new EOFException("the QEMU plugin's output ends inside an instruction");
    }
    String disassembly = new String(buffer, position, textLength, StandardCharsets.US_ASCII);
    position += textLength;
    int kind = X86ControlTransfers.classify(code, 0, length);
    table.put(pc, kind, length, X86Disassembly.registerUse(disassembly, kind));
  }

  /** Handles an executed instruction; true once the requested count has been written. */
  private boolean execute(long pc) throws IOException {
    if (pending) {
      emit(pc != pendingPc + pendingLength);
      if (writer.written() >= maxInstructions) {
        return true;
      }
    }
    int slot = table.slotOf(pc);
    if (slot < 0) {
      throw new IOException("the QEMU plugin announced 0x" + Long.toHexString(pc)
          + " before translating it");
    }
    pending = true;
    pendingPc = pc;
    pendingKind = table.kind(slot);
    pendingLength = table.length(slot);
    table.copyRegisters(slot, pendingRegisters);
    pendingRecognised = table.recognised(slot);
    loadCount = 0;
    storeCount = 0;
    return false;
  }

  private void emit(boolean leftSequence) throws IOException {
    boolean taken = pendingKind != BranchKind.CONDITIONAL.code() || leftSequence;
    writer.writeRegisterBytes(pendingPc, pendingKind, taken, pendingRegisters, loads, loadCount,
        stores, storeCount);
    if (pendingKind != ChampSimBranchKinds.NOT_A_BRANCH) {
      branchesByKind[pendingKind]++;
      if (pendingKind == BranchKind.CONDITIONAL.code() && taken) {
        conditionalTaken++;
      }
    }
    if (!pendingRecognised) {
      unrecognised++;
    }
    pending = false;
  }

  private RecordingSummary summary(long executed) {
    return new RecordingSummary(writer.written(), branchesByKind.clone(), conditionalTaken,
        executed, dropped, unrecognised);
  }

  private static boolean contains(long[] values, int count, long value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  private long offset() {
    return consumed - (limit - position);
  }

  /** Makes {@code count} bytes available from {@code position}; false at the end of the stream. */
  private boolean fill(int count) throws IOException {
    if (limit - position >= count) {
      return true;
    }
    System.arraycopy(buffer, position, buffer, 0, limit - position);
    limit -= position;
    position = 0;
    while (limit < count) {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        return false;
      }
      limit += n;
      consumed += n;
    }
    return true;
  }

  private long littleEndianLong(int offset) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (buffer[offset + i] & 0xffL);
    }
    return value;
  }
}
