package org.bpsim.predictor.archfixture;

import org.bpsim.trace.BranchBatch;

/**
 * Breaks "predictors use only the spec grammar, the SPI, errors and outputs" on purpose: a
 * predictor that reads a trace's batch. Only
 * {@link org.bpsim.architecture.ArchitectureRulesBiteTest} imports it.
 */
final class PredictorReadingABatch {
  private PredictorReadingABatch() {}

  static int branchesIn(BranchBatch batch) {
    return batch.size();
  }
}
