package org.bpsim.predictor.spi;

/**
 * What a control-transfer instruction is. The same vocabulary serves every trace format and
 * every predictor; formats that know less (CBP-1 text traces only hold conditional branches)
 * simply never produce the other kinds.
 */
public enum BranchKind {
  CONDITIONAL,
  DIRECT_JUMP,
  INDIRECT_JUMP,
  DIRECT_CALL,
  INDIRECT_CALL,
  RETURN,
  /** Writes the instruction pointer but fits none of the kinds above (ChampSim's BRANCH_OTHER). */
  OTHER;

  private static final BranchKind[] BY_CODE = values();

  /** Stable small code, used in compact batches and files. */
  public byte code() {
    return (byte) ordinal();
  }

  public static BranchKind ofCode(int code) {
    return BY_CODE[code];
  }

  public boolean isConditional() {
    return this == CONDITIONAL;
  }

  public boolean isCall() {
    return this == DIRECT_CALL || this == INDIRECT_CALL;
  }

  public boolean isIndirect() {
    return this == INDIRECT_JUMP || this == INDIRECT_CALL || this == RETURN;
  }
}
