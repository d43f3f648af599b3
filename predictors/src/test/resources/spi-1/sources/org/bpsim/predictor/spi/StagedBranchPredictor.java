package org.bpsim.predictor.spi;

/**
 * A branch predictor that a pipeline model drives at the points where a pipeline would, the way
 * the CBP-2025 kit drives its predictor: a conditional branch is predicted at fetch, every branch
 * updates the histories right after it is fetched, and a conditional branch trains the tables
 * only when it executes, by which time younger branches may already have been predicted.
 *
 * <p>For one branch the calls come in this order:
 *
 * <ol>
 *   <li>{@link #predictAtFetch(long, long)}, conditional branches only;
 *   <li>{@link #specUpdate(long, long, BranchKind, boolean, boolean, long)}, every branch, right
 *       after its prediction (or its fetch, for other kinds), in fetch order;
 *   <li>{@link #resolveAtExecute(long, long, boolean, boolean, long)}, conditional branches only,
 *       in the order the pipeline executes them, which need not be fetch order.
 * </ol>
 *
 * <p>{@code seqNo} names the branch while it is in flight: it grows in fetch order and is unique
 * among branches in flight (the pipeline model derives it from the instruction's position in the
 * trace, as the kit derives its id from {@code seq_no} and {@code piece}). Outside a pipeline model
 * ({@code bpsim run}) bpsim drives every predictor through {@link BranchPredictor}'s two calls,
 * so an implementation keeps that behaviour too; an instance is driven one way only. A
 * {@link PipelineHookedPredictor} gets, on the kit's own timing model, every hook of the kit
 * instead of these three calls.
 */
public interface StagedBranchPredictor extends BranchPredictor {

  /** Predicts the conditional branch {@code seqNo} at {@code pc} when it is fetched. */
  boolean predictAtFetch(long seqNo, long pc);

  /**
   * Updates the histories for branch {@code seqNo} right after its fetch. The kit passes the
   * resolved direction ({@code taken}), so its histories never hold a wrong path.
   *
   * @param predicted the direction predicted at fetch ({@code true} for unconditional kinds)
   * @param nextPc the address of the instruction that follows the branch in the trace
   */
  void specUpdate(long seqNo, long pc, BranchKind kind, boolean predicted, boolean taken,
      long nextPc);

  /** Trains the predictor with the outcome of conditional branch {@code seqNo} when it executes. */
  void resolveAtExecute(long seqNo, long pc, boolean taken, boolean predicted, long nextPc);
}
