package org.bpsim.pipeline;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.StagedBranchPredictor;

/**
 * Calls a {@link StagedBranchPredictor} at the points where the CBP-2025 kit calls its
 * predictor, given each instruction's fetch cycle and each branch's execute cycle.
 *
 * <p>The kit ({@code lib/uarchsim.cc}) places instructions in time one by one in program order.
 * Before it places an instruction, it processes the events of every cycle its fetch has moved
 * through since the previous instruction (up to and including the instruction's fetch cycle,
 * after any instruction-cache miss), cycle by cycle, and within a cycle in fetch order; a
 * conditional branch's execute event is where it calls {@code notify_instr_execute_resolve},
 * which trains the predictor. It then predicts the instruction if it is a conditional branch
 * ({@code get_cond_dir_prediction}) and, for every branch, updates the histories at once
 * ({@code spec_update}, with the resolved direction). So:
 *
 * <ul>
 *   <li>a branch is trained before the prediction of the first instruction fetched at or after
 *       its execute cycle, and after every prediction fetched before it;
 *   <li>branches due by the same fetch are trained in execute-cycle order, ties in fetch order;
 *   <li>a mispredicted branch is trained before the next prediction (fetch resumes at its
 *       execute cycle);
 *   <li>branches still in flight when the trace ends are never trained (the kit has no drain).
 * </ul>
 *
 * Nothing is allocated per branch once the queue has grown to the number in flight.
 */
final class StagedPredictorDriver {
  private final StagedBranchPredictor predictor;
  private final PendingResolves pending;

  StagedPredictorDriver(StagedBranchPredictor predictor, int initialCapacity) {
    this.predictor = predictor;
    this.pending = new PendingResolves(initialCapacity);
  }

  /** Trains every branch that executes at or before {@code fetchCycle}: called before a fetch. */
  void reachFetchCycle(long fetchCycle) {
    while (pending.dueBy(fetchCycle)) {
      long seqNo = pending.headSeqNo();
      long pc = pending.headPc();
      boolean taken = pending.headTaken();
      boolean predicted = pending.headPredicted();
      long nextPc = pending.headNextPc();
      pending.removeHead();
      predictor.resolveAtExecute(seqNo, pc, taken, predicted, nextPc);
    }
  }

  /**
   * A branch fetched: predicted if conditional, histories updated, training queued for
   * {@code executeCycle}. Returns the predicted direction ({@code true} for other kinds).
   */
  boolean fetchBranch(long seqNo, long pc, BranchKind kind, boolean taken, long nextPc,
      long executeCycle) {
    boolean conditional = kind == BranchKind.CONDITIONAL;
    boolean predicted = !conditional || predictor.predictAtFetch(seqNo, pc);
    predictor.specUpdate(seqNo, pc, kind, predicted, taken, nextPc);
    if (conditional) {
      pending.add(executeCycle, seqNo, pc, taken, predicted, nextPc);
    }
    return predicted;
  }

  /** Branches predicted and not yet trained. */
  int inFlight() {
    return pending.size();
  }
}
