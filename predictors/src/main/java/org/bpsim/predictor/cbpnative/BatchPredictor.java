package org.bpsim.predictor.cbpnative;

import java.io.IOException;

/**
 * A predictor that takes a whole batch of branches at once, outcomes included, and returns its
 * predictions for the batch: in {@code bpsim run} the outcomes are known in advance, so a
 * predictor in another process predicts and updates in trace order on its side and the batch
 * crosses the boundary once, instead of once per branch. The replay feeds a batch predictor
 * this way instead of through {@code predict}/{@code update}.
 */
public interface BatchPredictor {

  /**
   * Predicts and learns branches {@code [0, count)} in order, exactly as {@code predict} then
   * {@code update} would, and writes each one's predicted direction into {@code predictions}
   * ({@code true} for a branch that is not conditional).
   *
   * @param position each branch's instruction position (instructions up to and including it)
   */
  void predictBatch(long[] pc, long[] target, byte[] kind, boolean[] taken, long[] position,
      int count, boolean[] predictions) throws IOException;
}
