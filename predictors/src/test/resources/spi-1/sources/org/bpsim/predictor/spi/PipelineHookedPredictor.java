package org.bpsim.predictor.spi;

/**
 * A staged predictor that also takes every hook of the CBP-2025 kit's predictor interface
 * ({@code cbp.h}), each at the pipeline point and with the arguments the kit's timing model
 * ({@code lib/uarchsim.cc}, {@code lib/bp.cc}) passes: every micro-op is fetched, decoded,
 * executed and committed, loads and stores complete address generation, conditional branches
 * are predicted, and every branch updates the histories right after its fetch.
 *
 * <p>A timing model that places the kit's micro-ops (the {@code cbp2025} machine) calls these
 * methods instead of the {@link StagedBranchPredictor} ones; any other model (and
 * {@code bpsim run}) drives the predictor through its supertypes. Ids are the kit's: {@code
 * seqNo} counts micro-ops, {@code piece} is the position within the instruction. The order, as
 * in the kit:
 *
 * <ol>
 *   <li>before a micro-op is fetched at cycle F, the events of every cycle up to F not yet
 *       processed, cycle by cycle; within a cycle decodes, then address generations, then
 *       executions (each in fetch order), then commits (in program order);
 *   <li>then {@link #notifyInstrFetch}, and for a branch {@link #getCondDirPrediction}
 *       (conditional only) and at once {@link #specUpdate(long, int, long, int, boolean, boolean,
 *       long)}.
 * </ol>
 *
 * <p>Micro-ops still in flight when the trace ends get no further calls (the kit has no drain).
 * The description of a micro-op is passed once, at fetch; later hooks name it by {@code seqNo}
 * and {@code piece}. The notification hooks do nothing by default.
 */
public interface PipelineHookedPredictor extends StagedBranchPredictor {

  /** {@code notify_instr_fetch}: every micro-op, once it is placed in time. */
  default void notifyInstrFetch(MicroOp op, long fetchCycle) {
  }

  /** {@code get_cond_dir_prediction}: conditional branches, right after their fetch hook. */
  boolean getCondDirPrediction(long seqNo, int piece, long pc, long predictCycle);

  /**
   * {@code spec_update}: every branch, right after its prediction (or its fetch hook), with the
   * resolved direction; {@code predicted} is {@code true} for unconditional classes.
   */
  void specUpdate(long seqNo, int piece, long pc, int instClass, boolean taken, boolean predicted,
      long nextPc);

  /** {@code notify_instr_decode}: every micro-op, at its decode cycle. */
  default void notifyInstrDecode(long seqNo, int piece, long pc, long decodeCycle) {
  }

  /** {@code notify_agen_complete}: loads and stores, at their address-generation cycle. */
  default void notifyAgenComplete(long seqNo, int piece, long pc, long agenCycle) {
  }

  /**
   * {@code notify_instr_execute_resolve}: every micro-op, at its execute (completion) cycle;
   * {@code predicted} is the direction predicted at fetch for a branch, {@code false} else.
   */
  void notifyInstrExecuteResolve(long seqNo, int piece, long pc, boolean predicted,
      long executeCycle);

  /** {@code notify_instr_commit}: every micro-op, in program order, at its retire cycle. */
  default void notifyInstrCommit(long seqNo, int piece, long pc, boolean predicted,
      long commitCycle) {
  }
}
