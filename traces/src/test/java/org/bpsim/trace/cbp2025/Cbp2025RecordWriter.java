package org.bpsim.trace.cbp2025;

import java.io.ByteArrayOutputStream;

/** Builds CBP-2025 records byte by byte, for tests. */
final class Cbp2025RecordWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private void u64(long value) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (value >>> (8 * i)) & 0xff);
    }
  }

  /** An ALU op reading x8 and writing x9. */
  Cbp2025RecordWriter alu(long pc) {
    u64(pc);
    out.write(InstructionClass.ALU);
    out.write(1);
    out.write(8);
    out.write(1);
    out.write(9);
    u64(0x1234);
    return this;
  }

  /** A load of {@code size} bytes into q0 (a 16-byte SIMD value) with base update of x1. */
  Cbp2025RecordWriter loadPairWithBaseUpdate(long pc, long address, int size) {
    u64(pc);
    out.write(InstructionClass.LOAD);
    u64(address);
    out.write(size);
    out.write(1);
    out.write(1);
    out.write(1);
    out.write(2);
    out.write(32);
    out.write(1);
    u64(7);
    u64(8);
    u64(address + size);
    return this;
  }

  /** A store with base update (its one output is the base register, 8 bytes). */
  Cbp2025RecordWriter store(long pc, long address, int size) {
    u64(pc);
    out.write(InstructionClass.STORE);
    u64(address);
    out.write(size);
    out.write(1);
    out.write(0);
    out.write(2);
    out.write(31);
    out.write(40);
    out.write(1);
    out.write(31);
    u64(address - 16);
    return this;
  }

  Cbp2025RecordWriter branch(long pc, int instructionClass, boolean taken, long target) {
    u64(pc);
    out.write(instructionClass);
    out.write(taken ? 1 : 0);
    if (taken) {
      u64(target);
    }
    out.write(0);
    out.write(instructionClass == InstructionClass.DIRECT_CALL ? 1 : 0);
    if (instructionClass == InstructionClass.DIRECT_CALL) {
      out.write(30);
    }
    if (instructionClass == InstructionClass.DIRECT_CALL) {
      u64(pc + 4);
    }
    return this;
  }

  Cbp2025RecordWriter raw(int... bytes) {
    for (int b : bytes) {
      out.write(b);
    }
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }
}
