package org.bpsim.trace.cbp2025;

/**
 * The CBP-2025 kit's instruction classes, by the byte value a record stores. Kept as int
 * constants because the decoder tests them once per instruction.
 */
public final class InstructionClass {
  public static final int ALU = 0;
  public static final int LOAD = 1;
  public static final int STORE = 2;
  public static final int CONDITIONAL_BRANCH = 3;
  public static final int DIRECT_JUMP = 4;
  public static final int INDIRECT_JUMP = 5;
  public static final int FP = 6;
  public static final int SLOW_ALU = 7;
  /** Never valid in a trace; the kit's reader rejects it. */
  public static final int UNDEFINED = 8;
  public static final int DIRECT_CALL = 9;
  public static final int INDIRECT_CALL = 10;
  public static final int RETURN = 11;
  public static final int COUNT = 12;

  private InstructionClass() {
  }

  public static boolean isBranch(int instructionClass) {
    return instructionClass == CONDITIONAL_BRANCH || instructionClass == DIRECT_JUMP
        || instructionClass == INDIRECT_JUMP || instructionClass >= DIRECT_CALL;
  }

  public static boolean isMemory(int instructionClass) {
    return instructionClass == LOAD || instructionClass == STORE;
  }

  public static boolean isValid(int instructionClass) {
    return instructionClass >= 0 && instructionClass < COUNT && instructionClass != UNDEFINED;
  }
}
