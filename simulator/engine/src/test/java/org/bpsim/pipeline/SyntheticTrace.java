package org.bpsim.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Writes small CBP-2025 kit traces for tests. */
final class SyntheticTrace {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private void u64(long value) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (value >>> (8 * i)) & 0xff);
    }
  }

  SyntheticTrace alu(long pc) {
    u64(pc);
    out.write(0);
    out.write(0);
    out.write(0);
    return this;
  }

  SyntheticTrace load(long pc, long address) {
    u64(pc);
    out.write(1);
    u64(address);
    out.write(8);
    out.write(0);
    out.write(0);
    out.write(1);
    out.write(3);
    u64(0);
    return this;
  }

  SyntheticTrace store(long pc, long address) {
    u64(pc);
    out.write(2);
    u64(address);
    out.write(8);
    out.write(0);
    out.write(0);
    out.write(0);
    out.write(0);
    return this;
  }

  SyntheticTrace jump(long pc, long target) {
    u64(pc);
    out.write(4);
    out.write(1);
    u64(target);
    out.write(0);
    out.write(0);
    return this;
  }

  /** An operation of the given kit class (0 ALU, 6 FP, 7 slow ALU) that reads and writes x1. */
  SyntheticTrace dependent(long pc, int instructionClass) {
    u64(pc);
    out.write(instructionClass);
    out.write(1);
    out.write(1);
    out.write(1);
    out.write(instructionClass == 6 ? 33 : 1);
    u64(0);
    if (instructionClass == 6) {
      u64(0);
    }
    return this;
  }

  SyntheticTrace notTakenBranch(long pc) {
    u64(pc);
    out.write(3);
    out.write(0);
    out.write(0);
    out.write(0);
    return this;
  }

  /** A load of the 8 bytes at {@code address} into integer register {@code register}. */
  SyntheticTrace loadInto(long pc, long address, int register) {
    u64(pc);
    out.write(1);
    u64(address);
    out.write(8);
    out.write(0);
    out.write(0);
    out.write(1);
    out.write(register);
    u64(0);
    return this;
  }

  /** A not-taken conditional branch that reads integer register {@code register}. */
  SyntheticTrace notTakenBranchOn(long pc, int register) {
    u64(pc);
    out.write(3);
    out.write(0);
    out.write(1);
    out.write(register);
    out.write(0);
    return this;
  }

  Path write(Path file) throws IOException {
    try (GZIPOutputStream gzip = new GZIPOutputStream(Files.newOutputStream(file))) {
      gzip.write(out.toByteArray());
    }
    return file;
  }

  /** A 16-instruction loop in one cache line: 14 ALU ops, one load of a fixed word, a jump. */
  static Path tightLoop(Path file, int iterations) throws IOException {
    SyntheticTrace trace = new SyntheticTrace();
    long base = 0x10000;
    for (int i = 0; i < iterations; i++) {
      for (int k = 0; k < 14; k++) {
        trace.alu(base + 4L * k);
      }
      trace.load(base + 56, 0x800000);
      trace.jump(base + 60, base);
    }
    return trace.write(file);
  }

  /** Straight-line blocks of loads and stores over a footprint, with jumps between blocks. */
  static Path randomMemory(Path file, long seed, int blocks, int footprintLines)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    SyntheticTrace trace = new SyntheticTrace();
    long pc = 0x400000;
    for (int b = 0; b < blocks; b++) {
      for (int k = 0; k < 7; k++) {
        long address = 0x1000000L + 64L * random.nextInt(footprintLines) + 8 * random.nextInt(8);
        if (random.nextInt(3) == 0) {
          trace.store(pc, address);
        } else if (random.nextBoolean()) {
          trace.load(pc, address);
        } else {
          trace.alu(pc);
        }
        pc += 4;
      }
      long target = 0x400000 + 32L * random.nextInt(64);
      trace.jump(pc, target);
      pc = target;
    }
    return trace.write(file);
  }

  /**
   * Straight-line code without register dependences or taken branches over a large code and
   * data footprint: groups of four instructions (a load or store to a random line, two ALU ops, a
   * not-taken conditional branch; loads and stores alternate, so every run ends the same way), so
   * that a 4-wide core with 2 memory lanes, or a 16-wide one with 8, is never short of lanes.
   */
  static Path straightLine(Path file, long seed, int groups, int footprintLines)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    SyntheticTrace trace = new SyntheticTrace();
    long pc = 0x400000;
    for (int g = 0; g < groups; g++) {
      long address = 0x1000000L + 64L * random.nextInt(footprintLines);
      if (g % 2 == 0) {
        trace.load(pc, address);
      } else {
        trace.store(pc, address);
      }
      trace.alu(pc + 4);
      trace.alu(pc + 8);
      trace.notTakenBranch(pc + 12);
      pc += 16;
    }
    return trace.write(file);
  }
}
