package org.bpsim.trace;

/**
 * What a trace can be read for. Every format provides branches; the instruction traces
 * (ChampSim, CBP-2025 kit) also provide every instruction and every data access
 * ({@link TraceFormat#provides}).
 */
public enum TraceContent {
  /** Every branch with its kind, outcome and target: a {@link TraceReader}, for replay. */
  BRANCHES,
  /**
   * Every instruction with its registers and memory addresses: an {@link InstructionStream}, for
   * the timing model.
   */
  INSTRUCTIONS,
  /**
   * Every load and store address: a {@link org.bpsim.trace.memory.DataAccessReader}, for the
   * cache model.
   */
  DATA_ACCESSES
}
