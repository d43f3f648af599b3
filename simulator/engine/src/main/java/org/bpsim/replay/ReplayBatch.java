package org.bpsim.replay;

import org.bpsim.trace.BranchBatch;

/**
 * One decoded batch of a replay with where its counted window lies: entries {@code [0, size)}
 * are fed to the predictors, {@code [start, stop)} of them are counted. Recycled, never
 * reallocated: a split replay passes a few of them round between its decoder and its workers.
 */
final class ReplayBatch {
  final BranchBatch batch;
  /** Entries decoded into {@link #batch}. */
  int size;
  /** First counted entry (the entries before it are warmup). */
  int start;
  /** One past the last entry fed to the predictors and counted. */
  int stop;
  /** Index among the trace's conditional branches (warmup included) of the batch's first one. */
  long firstIndex;
  /** In a split replay, the predictors that have not yet replayed it (under the replay's lock). */
  int readers;

  ReplayBatch(BranchBatch batch) {
    this.batch = batch;
  }
}
