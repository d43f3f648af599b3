package org.bpsim.predictor.spi;

/**
 * What a timing model tells a {@link PipelineHookedPredictor} about one micro-op when it is
 * fetched: the fields of the CBP-2025 kit's {@code DecodeInfo} and {@code ExecuteInfo} that the
 * trace gives. A view, valid only during the call that receives it (the model reuses it, so
 * nothing is allocated per micro-op); a predictor that needs a field later copies it.
 */
public interface MicroOp {
  // The kit's InstClass codes (lib/sim_common_structs.h), as instClass() returns them.
  int ALU = 0;
  int LOAD = 1;
  int STORE = 2;
  int CONDITIONAL_BRANCH = 3;
  int DIRECT_JUMP = 4;
  int INDIRECT_JUMP = 5;
  int FP = 6;
  int SLOW_ALU = 7;
  int DIRECT_CALL = 9;
  int INDIRECT_CALL = 10;
  int RETURN = 11;

  /** The kit's {@code seq_no}: micro-ops counted from 0 in fetch order, every pass included. */
  long seqNo();

  /** The kit's {@code piece}: the micro-op's position within its instruction, from 0. */
  int piece();

  long pc();

  /** The kit's {@code InstClass} code (the constants above). */
  int instClass();

  /** Source registers ({@code DecodeInfo::src_reg_info}), by the trace's numbering. */
  int sourceRegisters();

  int sourceRegister(int i);

  /** The destination register ({@code DecodeInfo::dst_reg_info}), or -1 when there is none. */
  int destinationRegister();

  /** Whether it is a load or a store; then {@link #memoryAddress} and {@link #memoryBytes}. */
  boolean accessesMemory();

  long memoryAddress();

  long memoryBytes();

  /** Whether a branch was taken (false for other classes). */
  boolean taken();

  /** The address of the next instruction in the trace ({@code ExecuteInfo::next_pc}). */
  long nextPc();
}
