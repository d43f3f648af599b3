package org.bpsim.spec.archfixture;

import org.bpsim.trace.BranchBatch;

/**
 * Breaks "the spec grammar uses only the SPI, errors and outputs" on purpose. Only
 * {@link org.bpsim.architecture.ArchitectureRulesBiteTest} imports it.
 */
final class SpecReadingABatch {
  private SpecReadingABatch() {}

  static int branchesIn(BranchBatch batch) {
    return batch.size();
  }
}
