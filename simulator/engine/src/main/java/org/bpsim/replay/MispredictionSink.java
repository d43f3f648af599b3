package org.bpsim.replay;

import java.io.IOException;
import org.bpsim.trace.BranchBatch;

/**
 * Receives, one batch at a time, the counted conditional branches that each predictor of a
 * replay mispredicts, so that they can be listed branch by branch ({@code bpsim run
 * --mispredictions}). A replay given a sink runs a loop of its own that records them into
 * primitive buffers; a replay without one runs exactly as before.
 *
 * <p>A replay spread over threads ({@link Replay#spreadOver}) calls the sink from its workers:
 * calls for different predictors may come at once, while each predictor's calls come one at a
 * time, in trace order (from any worker, each handing the predictor on under a lock, so that
 * what one call wrote the next sees). A sink that keeps each predictor's state apart needs no
 * lock of its own.
 */
public interface MispredictionSink {
  /**
   * The mispredictions of predictor {@code predictor} (its position in the replay's list) in one
   * batch, in trace order: {@code entries[k]} is the position in {@code batch} of the k-th one
   * and {@code indices[k]} its index among all conditional branches of the trace, counted from 0
   * with the warmup included. Only {@code [0, count)} is meaningful, and only until this method
   * returns: the arrays are reused for the next batch and predictor. Not called for an empty
   * batch, nor for the batch in which the predictor failed or any batch after it.
   */
  void mispredicted(int predictor, BranchBatch batch, int[] entries, long[] indices, int count)
      throws IOException;
}
