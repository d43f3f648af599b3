package org.bpsim.trace.champsim;

import org.bpsim.predictor.spi.BranchKind;

/**
 * ChampSim's rule for what kind of branch an instruction is, from the registers it reads and
 * writes alone: x86 traces carry no opcode, so a call is "reads and writes the stack pointer and
 * writes the instruction pointer", and so on. Register 0 means "no register".
 */
public final class ChampSimBranchKinds {
  public static final int REG_STACK_POINTER = 6;
  public static final int REG_FLAGS = 25;
  public static final int REG_INSTRUCTION_POINTER = 26;

  /** Code returned for an instruction that does not write the instruction pointer. */
  public static final int NOT_A_BRANCH = -1;

  private ChampSimBranchKinds() {
  }

  /**
   * Classifies one instruction.
   *
   * @param destinations destination register ids (0 = unused)
   * @param sources source register ids (0 = unused)
   * @return a {@link BranchKind#code()} or {@link #NOT_A_BRANCH}
   */
  public static int classify(int[] destinations, int[] sources) {
    boolean writesSp = false;
    boolean writesIp = false;
    for (int r : destinations) {
      writesSp |= r == REG_STACK_POINTER;
      writesIp |= r == REG_INSTRUCTION_POINTER;
    }
    if (!writesIp) {
      return NOT_A_BRANCH;
    }
    boolean readsSp = false;
    boolean readsFlags = false;
    boolean readsIp = false;
    boolean readsOther = false;
    for (int r : sources) {
      if (r == 0) {
        continue;
      }
      readsSp |= r == REG_STACK_POINTER;
      readsFlags |= r == REG_FLAGS;
      readsIp |= r == REG_INSTRUCTION_POINTER;
      readsOther |= r != REG_STACK_POINTER && r != REG_FLAGS && r != REG_INSTRUCTION_POINTER;
    }
    // The order of these tests is ChampSim's: earlier rules win where several would match.
    if (!readsSp && !readsFlags && !readsOther) {
      return BranchKind.DIRECT_JUMP.code();
    }
    if (!readsSp && !readsIp && !readsFlags) {
      return BranchKind.INDIRECT_JUMP.code();
    }
    if (!readsSp && readsIp && !writesSp && (readsFlags || readsOther)) {
      return BranchKind.CONDITIONAL.code();
    }
    if (readsSp && readsIp && writesSp && !readsFlags) {
      return readsOther ? BranchKind.INDIRECT_CALL.code() : BranchKind.DIRECT_CALL.code();
    }
    if (readsSp && !readsIp && writesSp) {
      return BranchKind.RETURN.code();
    }
    return BranchKind.OTHER.code();
  }
}
