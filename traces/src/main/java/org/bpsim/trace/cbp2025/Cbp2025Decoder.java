package org.bpsim.trace.cbp2025;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceInput;

/**
 * Decodes the CBP-2025 kit's trace records one instruction at a time, allocation-free: the fields
 * of the current record are read through the accessors until {@link #next()} moves on.
 *
 * <p>A record (all integers little-endian, no padding, no file header) is: pc (8 bytes), class
 * (1); for loads and stores the effective address (8), the total access size (1) and a base
 * update flag (1), plus for stores a register-offset flag (1); for branches the taken flag (1)
 * and, if taken, the target (8); then the input register count and ids, the output register count
 * and ids, and one value per output: 8 bytes for integer registers (ids 0-31, 64, 65) and for any
 * store output (a store's only output is its updated base register), 16 bytes for SIMD/FP
 * registers. See docs/cbp2025-trace-format.md in the shared material.
 *
 * <p>The stream must end on a record boundary: a partial record at the end is reported as a
 * truncated trace (the kit silently stops there).
 */
public final class Cbp2025Decoder {
  /** Where bytes come from: the trace, or a detection buffer. */
  interface ByteSource {
    /** Next byte as 0..255, or -1 at the end. */
    int read() throws IOException;

    /** Offset of the next byte in the decompressed stream. */
    long offset();
  }

  static final int INTEGER_REGISTERS = 32;
  private static final int FLAGS_REGISTER = 64;
  static final int ZERO_REGISTER = 65;

  private final ByteSource source;
  private final Path path;
  private final int[] inputRegisters = new int[255];
  private final int[] outputRegisters = new int[255];
  /** Per output: a 16-byte value whose upper half is not zero (the kit cracks on it). */
  private final boolean[] wideUpperNonZero = new boolean[255];

  private long records;
  private long recordStart;
  private long pc;
  private int instructionClass;
  private long effectiveAddress;
  private int accessBytes;
  private boolean baseUpdate;
  private boolean registerOffset;
  private boolean taken;
  private long nextPc;
  private int inputs;
  private int outputs;

  public Cbp2025Decoder(TraceInput input) {
    this(new ByteSource() {
      @Override
      public int read() throws IOException {
        return input.read();
      }

      @Override
      public long offset() {
        return input.offset();
      }
    }, input.path());
  }

  Cbp2025Decoder(ByteSource source, Path path) {
    this.source = source;
    this.path = path;
  }

  /**
   * Decodes the next record.
   *
   * @return false at the end of the trace (only ever on a record boundary)
   * @throws TraceFormatException if the record is truncated or invalid, naming its offset
   */
  public boolean next() throws IOException {
    recordStart = source.offset();
    int first = source.read();
    if (first < 0) {
      return false;
    }
    pc = first | (readBytes(7, "pc") << 8);
    instructionClass = readByte("instruction class");
    if (!InstructionClass.isValid(instructionClass)) {
      throw error("invalid instruction class " + instructionClass + " (valid: 0-7, 9-11)");
    }
    effectiveAddress = 0;
    accessBytes = 0;
    baseUpdate = false;
    registerOffset = false;
    if (InstructionClass.isMemory(instructionClass)) {
      effectiveAddress = readBytes(8, "effective address");
      accessBytes = readByte("access size");
      baseUpdate = flag(readByte("base-update flag"), "base-update flag");
      if (instructionClass == InstructionClass.STORE) {
        registerOffset = flag(readByte("register-offset flag"), "register-offset flag");
      }
    }
    taken = false;
    nextPc = pc + 4;
    if (InstructionClass.isBranch(instructionClass)) {
      taken = flag(readByte("taken flag"), "taken flag");
      if (!taken && instructionClass != InstructionClass.CONDITIONAL_BRANCH) {
        throw error("unconditional branch (class " + instructionClass + ") marked not taken");
      }
      if (taken) {
        nextPc = readBytes(8, "branch target");
      }
    }
    inputs = readByte("input register count");
    for (int i = 0; i < inputs; i++) {
      inputRegisters[i] = readByte("input register");
    }
    outputs = readByte("output register count");
    for (int i = 0; i < outputs; i++) {
      outputRegisters[i] = readByte("output register");
    }
    for (int i = 0; i < outputs; i++) {
      int register = outputRegisters[i];
      boolean wide = instructionClass != InstructionClass.STORE && register >= INTEGER_REGISTERS
          && register != FLAGS_REGISTER && register != ZERO_REGISTER;
      skip(8, "output value");
      wideUpperNonZero[i] = wide && readBytes(8, "output value") != 0;
    }
    records++;
    return true;
  }

  private boolean flag(int value, String what) throws TraceFormatException {
    if (value > 1) {
      throw error("bad " + what + " " + value + " (expected 0 or 1)");
    }
    return value == 1;
  }

  private int readByte(String what) throws IOException {
    int b = source.read();
    if (b < 0) {
      throw truncated(what);
    }
    return b;
  }

  private long readBytes(int count, String what) throws IOException {
    long value = 0;
    for (int i = 0; i < count; i++) {
      int b = source.read();
      if (b < 0) {
        throw truncated(what);
      }
      value |= (long) b << (8 * i);
    }
    return value;
  }

  private void skip(int count, String what) throws IOException {
    for (int i = 0; i < count; i++) {
      if (source.read() < 0) {
        throw truncated(what);
      }
    }
  }

  private TraceFormatException truncated(String what) {
    return error("truncated CBP-2025 trace: the last record ends inside its " + what);
  }

  private TraceFormatException error(String problem) {
    return new TraceFormatException(path, "decompressed byte " + recordStart + " (instruction "
        + (records + 1) + ")", problem);
  }

  /** Records decoded so far: the instruction count. */
  public long records() {
    return records;
  }

  public long pc() {
    return pc;
  }

  /** One of the {@link InstructionClass} constants. */
  public int instructionClass() {
    return instructionClass;
  }

  /** First byte accessed by a load or store (0 otherwise). */
  public long effectiveAddress() {
    return effectiveAddress;
  }

  /** Total bytes a load or store accesses (0 otherwise). */
  public int accessBytes() {
    return accessBytes;
  }

  public boolean baseUpdate() {
    return baseUpdate;
  }

  /** For stores: whether the address takes a register offset (its second input). */
  public boolean registerOffset() {
    return registerOffset;
  }

  /**
   * Whether output {@code i} is a SIMD/FP register whose 16-byte value has a non-zero upper
   * half: the kit's reader then gives it a micro-op of its own.
   */
  public boolean wideUpperNonZero(int i) {
    return wideUpperNonZero[i];
  }

  /** For branches: taken (always true for unconditional ones). */
  public boolean taken() {
    return taken;
  }

  /** The pc of the next instruction: the target of a taken branch, else pc + 4. */
  public long nextPc() {
    return nextPc;
  }

  public int inputs() {
    return inputs;
  }

  public int inputRegister(int i) {
    return inputRegisters[i];
  }

  public int outputs() {
    return outputs;
  }

  public int outputRegister(int i) {
    return outputRegisters[i];
  }

  /**
   * Whether {@code head} (the first decompressed bytes of a file) decodes as CBP-2025 records
   * that follow each other: every record valid and each pc the previous record's next pc. That
   * continuity, over several records, is what tells this magic-less format from others.
   */
  public static boolean plausible(byte[] head) {
    int[] position = {0};
    ByteSource bytes = new ByteSource() {
      @Override
      public int read() {
        return position[0] < head.length ? head[position[0]++] & 0xff : -1;
      }

      @Override
      public long offset() {
        return position[0];
      }
    };
    Cbp2025Decoder decoder = new Cbp2025Decoder(bytes, Path.of("detection"));
    long expectedPc = 0;
    int decoded = 0;
    try {
      while (decoded < 64 && decoder.next()) {
        if (decoded > 0 && decoder.pc() != expectedPc) {
          return false;
        }
        if ((decoder.pc() & 3) != 0 && decoded == 0) {
          return false;
        }
        expectedPc = decoder.nextPc();
        decoded++;
      }
    } catch (IOException e) {
      // A truncated last record in the buffer is expected; a bad record is not.
      return decoded >= 8 && e.getMessage().contains("truncated");
    }
    return decoded >= 8 || (decoded > 0 && position[0] == head.length);
  }
}
