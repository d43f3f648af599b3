package org.bpsim.trace.champsim;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.ExecutionClass;
import org.bpsim.trace.InstructionStream;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceInput;

/**
 * A ChampSim trace as an instruction stream. Records hold up to two destination and four source
 * memory addresses; the stream reports the first non-zero source address as the load and the
 * first non-zero destination address as the store (an x86 instruction with several memory
 * operands counts as one load and one store). A taken branch's target is the next record's ip,
 * so the stream reads one record ahead.
 *
 * <p>Registers: a record names up to two registers written and four read, by the tracer's
 * numbering (Pin's register ids, 0 = none). They are reported as they are, with one exception:
 * the instruction pointer (26), which every branch writes and most branches read, is left out.
 * It is not a value an instruction waits for: the front end supplies each instruction's address
 * (a wrong guess is the misprediction the timing model charges separately), so a chain through
 * it would only make every branch wait for the previous one, and a branch behind a cache miss
 * would hold up all later branches. ChampSim itself renames it like any register. The flags
 * (25) and the stack pointer (6) are real data dependences and stay. A load or store that reads
 * and writes the stack pointer (push, pop, call, return) updates it as an address computation,
 * reported as its {@link #baseUpdateRegister()}. ChampSim traces carry no opcode, so every
 * instruction has {@link ExecutionClass#SIMPLE} latency; loads, stores and branches are told
 * apart by their memory operands and registers.
 */
public final class ChampSimInstructionStream implements InstructionStream {
  private static final int RECORD = ChampSimReader.RECORD_BYTES;
  /** Reads a record's 8-byte fields in one load rather than byte by byte. */
  private static final VarHandle LITTLE_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final TraceInput input;
  private byte[] current = new byte[RECORD];
  private byte[] ahead = new byte[RECORD];
  private boolean aheadValid;
  private boolean started;
  private final int[] destinations = new int[2];
  private final int[] sources = new int[4];
  private final int[] reads = new int[4];
  private final int[] writes = new int[2];
  private int readCount;
  private int writeCount;
  private int baseUpdate;
  private long instructions;
  private long pc;
  private BranchKind kind;
  private boolean taken;
  private long target;
  private long load;
  private long store;

  public ChampSimInstructionStream(TraceInput input) {
    this.input = input;
  }

  private boolean readAhead() throws IOException {
    int n = input.readFully(ahead, 0, RECORD);
    if (n == 0) {
      return false;
    }
    if (n < RECORD) {
      throw new TraceFormatException(input.path(), "decompressed byte " + (input.offset() - n),
          "truncated ChampSim trace: the last record has " + n + " of its " + RECORD + " bytes");
    }
    return true;
  }

  @Override
  public boolean next() throws IOException {
    if (!started) {
      started = true;
      aheadValid = readAhead();
    }
    if (!aheadValid) {
      return false;
    }
    byte[] swap = current;
    current = ahead;
    ahead = swap;
    aheadValid = readAhead();
    instructions++;
    pc = longAt(current, 0);
    destinations[0] = current[10] & 0xff;
    destinations[1] = current[11] & 0xff;
    for (int i = 0; i < 4; i++) {
      sources[i] = current[12 + i] & 0xff;
    }
    int code = ChampSimBranchKinds.classify(destinations, sources);
    kind = code == ChampSimBranchKinds.NOT_A_BRANCH ? null : BranchKind.ofCode(code);
    if (kind != null) {
      boolean conditionalOrOther = kind == BranchKind.CONDITIONAL || kind == BranchKind.OTHER;
      taken = !conditionalOrOther || current[9] != 0;
      target = taken && aheadValid ? longAt(ahead, 0) : 0;
    } else {
      taken = false;
      target = 0;
    }
    store = firstNonZero(current, 16, 2);
    load = firstNonZero(current, 32, 4);
    trackedRegisters();
    return true;
  }

  /** The registers the timing model follows: all but "none" and the instruction pointer. */
  private void trackedRegisters() {
    boolean readsSp = false;
    readCount = 0;
    for (int r : sources) {
      if (r != 0 && r != ChampSimBranchKinds.REG_INSTRUCTION_POINTER) {
        reads[readCount++] = r;
        readsSp |= r == ChampSimBranchKinds.REG_STACK_POINTER;
      }
    }
    boolean writesSp = false;
    writeCount = 0;
    for (int r : destinations) {
      if (r != 0 && r != ChampSimBranchKinds.REG_INSTRUCTION_POINTER) {
        writes[writeCount++] = r;
        writesSp |= r == ChampSimBranchKinds.REG_STACK_POINTER;
      }
    }
    baseUpdate = readsSp && writesSp && (load != 0 || store != 0)
        ? ChampSimBranchKinds.REG_STACK_POINTER : -1;
  }

  private static long firstNonZero(byte[] record, int offset, int count) {
    for (int i = 0; i < count; i++) {
      long address = longAt(record, offset + 8 * i);
      if (address != 0) {
        return address;
      }
    }
    return 0;
  }

  private static long longAt(byte[] record, int offset) {
    return (long) LITTLE_ENDIAN_LONG.get(record, offset);
  }

  @Override
  public Path path() {
    return input.path();
  }

  @Override
  public long instructions() {
    return instructions;
  }

  @Override
  public long pc() {
    return pc;
  }

  @Override
  public BranchKind branchKind() {
    return kind;
  }

  @Override
  public boolean taken() {
    return taken;
  }

  @Override
  public long target() {
    return target;
  }

  @Override
  public boolean isLoad() {
    return load != 0;
  }

  @Override
  public long loadAddress() {
    return load;
  }

  @Override
  public boolean isStore() {
    return store != 0;
  }

  @Override
  public long storeAddress() {
    return store;
  }

  @Override
  public int executionClass() {
    return ExecutionClass.SIMPLE;
  }

  @Override
  public int sourceRegisters() {
    return readCount;
  }

  @Override
  public int sourceRegister(int i) {
    if (i >= readCount) {
      throw new IndexOutOfBoundsException(i);
    }
    return reads[i];
  }

  @Override
  public int destinationRegisters() {
    return writeCount;
  }

  @Override
  public int destinationRegister(int i) {
    if (i >= writeCount) {
      throw new IndexOutOfBoundsException(i);
    }
    return writes[i];
  }

  @Override
  public int baseUpdateRegister() {
    return baseUpdate;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
