package org.bpsim.trace.champsim;

import java.io.IOException;
import java.io.OutputStream;
import org.bpsim.predictor.spi.BranchKind;

/**
 * Writes ChampSim's 64-byte instruction records to a stream (the caller chooses the compression):
 * the instruction-level writer under {@link ChampSimTraceWriter} and {@code bpsim record}.
 * ChampSim traces carry no opcode, so a branch's kind is told through the registers it reads and
 * writes; this writer picks, for each kind, the register sets that {@link ChampSimBranchKinds}
 * (ChampSim's own rule) maps back to that kind. Non-branch instructions written by
 * {@link #write} carry no registers: those traces are for branch prediction and memory studies.
 * {@link #writeWithRegisters} and {@link #writeRegisterBytes} write a record's register operands
 * as given, for traces that carry register dependences ({@code bpsim record}).
 */
public final class ChampSimRecordWriter implements AutoCloseable {
  /** A register that is neither the stack pointer, the flags nor the instruction pointer. */
  static final int REG_GENERAL = 10;

  public static final int MAX_LOADS = 4;
  public static final int MAX_STORES = 2;

  private static final int IP = ChampSimBranchKinds.REG_INSTRUCTION_POINTER;
  private static final int SP = ChampSimBranchKinds.REG_STACK_POINTER;
  private static final int FLAGS = ChampSimBranchKinds.REG_FLAGS;

  /** Per kind code: destination registers then source registers (0 = none). */
  private static final byte[][] REGISTERS = new byte[BranchKind.values().length][];

  static {
    // Conditional: reads the flags (or a counter register for loop/jrcxz; the flags stand in).
    REGISTERS[BranchKind.CONDITIONAL.code()] = registers(IP, 0, IP, FLAGS, 0, 0);
    REGISTERS[BranchKind.DIRECT_JUMP.code()] = registers(IP, 0, IP, 0, 0, 0);
    // Indirect jump: the target comes from a register or memory, not from the instruction pointer.
    REGISTERS[BranchKind.INDIRECT_JUMP.code()] = registers(IP, 0, REG_GENERAL, 0, 0, 0);
    REGISTERS[BranchKind.DIRECT_CALL.code()] = registers(IP, SP, IP, SP, 0, 0);
    REGISTERS[BranchKind.INDIRECT_CALL.code()] = registers(IP, SP, IP, SP, REG_GENERAL, 0);
    REGISTERS[BranchKind.RETURN.code()] = registers(IP, SP, SP, 0, 0, 0);
    // Other: writes the instruction pointer, reads the flags and the stack pointer (no rule fits).
    REGISTERS[BranchKind.OTHER.code()] = registers(IP, 0, IP, SP, FLAGS, 0);
  }

  private final OutputStream out;
  private final byte[] buffer = new byte[ChampSimReader.RECORD_BYTES * 1024];
  private int used;
  private long written;

  public ChampSimRecordWriter(OutputStream out) {
    this.out = out;
  }

  private static byte[] registers(int dst0, int dst1, int src0, int src1, int src2, int src3) {
    return new byte[] {(byte) dst0, (byte) dst1, (byte) src0, (byte) src1, (byte) src2,
        (byte) src3};
  }

  /**
   * Writes one instruction.
   *
   * @param ip the instruction's address
   * @param kind a {@link BranchKind#code()}, or {@link ChampSimBranchKinds#NOT_A_BRANCH}
   * @param taken whether the branch was taken (ignored for non-branches)
   * @param loads addresses read; only the first {@link #MAX_LOADS} of {@code loadCount} are kept
   * @param stores addresses written; only the first {@link #MAX_STORES} are kept
   */
  public void write(long ip, int kind, boolean taken, long[] loads, int loadCount, long[] stores,
      int storeCount) throws IOException {
    boolean branch = kind != ChampSimBranchKinds.NOT_A_BRANCH;
    put(ip, branch, branch && taken, branch ? REGISTERS[kind] : null, loads, loadCount, stores,
        storeCount);
  }

  /**
   * Writes one instruction with the register operands given (ChampSim's numbering, 0 = none;
   * {@link ChampSimBranchKinds#classify} decides from them whether and what kind of branch it is
   * on reading back).
   *
   * @param destinations at most 2 registers written
   * @param sources at most 4 registers read
   */
  public void writeWithRegisters(long ip, boolean taken, int[] destinations, int[] sources,
      long[] loads, int loadCount, long[] stores, int storeCount) throws IOException {
    if (destinations.length > 2 || sources.length > 4) {
      throw new IllegalArgumentException("a ChampSim record has 2 destination and 4 source "
          + "registers, not " + destinations.length + " and " + sources.length);
    }
    byte[] registers = new byte[6];
    boolean branch = false;
    for (int i = 0; i < destinations.length; i++) {
      registers[i] = (byte) destinations[i];
      branch |= destinations[i] == ChampSimBranchKinds.REG_INSTRUCTION_POINTER;
    }
    for (int i = 0; i < sources.length; i++) {
      registers[2 + i] = (byte) sources[i];
    }
    put(ip, branch, branch && taken, registers, loads, loadCount, stores, storeCount);
  }

  /**
   * Writes one instruction whose six register bytes (2 destinations, then 4 sources, ChampSim's
   * numbering, 0 = none) are already in a record's order; allocates nothing. The caller makes
   * them agree with {@code kind} under {@link ChampSimBranchKinds#classify}.
   *
   * @param kind a {@link BranchKind#code()}, or {@link ChampSimBranchKinds#NOT_A_BRANCH}
   */
  public void writeRegisterBytes(long ip, int kind, boolean taken, byte[] registers, long[] loads,
      int loadCount, long[] stores, int storeCount) throws IOException {
    boolean branch = kind != ChampSimBranchKinds.NOT_A_BRANCH;
    put(ip, branch, branch && taken, registers, loads, loadCount, stores, storeCount);
  }

  private void put(long ip, boolean branch, boolean taken, byte[] registers, long[] loads,
      int loadCount, long[] stores, int storeCount) throws IOException {
    if (used == buffer.length) {
      flushBuffer();
    }
    int base = used;
    putLong(base, ip);
    buffer[base + 8] = (byte) (branch ? 1 : 0);
    buffer[base + 9] = (byte) (taken ? 1 : 0);
    if (registers != null) {
      System.arraycopy(registers, 0, buffer, base + 10, 6);
    } else {
      for (int i = 10; i < 16; i++) {
        buffer[base + i] = 0;
      }
    }
    for (int i = 0; i < MAX_STORES; i++) {
      putLong(base + 16 + 8 * i, i < storeCount ? stores[i] : 0);
    }
    for (int i = 0; i < MAX_LOADS; i++) {
      putLong(base + 32 + 8 * i, i < loadCount ? loads[i] : 0);
    }
    used += ChampSimReader.RECORD_BYTES;
    written++;
  }

  /** Instructions written so far. */
  public long written() {
    return written;
  }

  private void putLong(int offset, long value) {
    for (int i = 0; i < 8; i++) {
      buffer[offset + i] = (byte) (value >>> (8 * i));
    }
  }

  private void flushBuffer() throws IOException {
    out.write(buffer, 0, used);
    used = 0;
  }

  /** Writes what is buffered and closes the stream. */
  @Override
  public void close() throws IOException {
    try {
      flushBuffer();
    } finally {
      out.close();
    }
  }
}
