package org.bpsim.output.archfixture;

import org.bpsim.predictor.spi.BranchKind;

/**
 * Breaks "errors and outputs use nothing else of bpsim" on purpose: an output helper that knows
 * the SPI. Only {@link org.bpsim.architecture.ArchitectureRulesBiteTest} imports it.
 */
final class OutputNamingABranchKind {
  private OutputNamingABranchKind() {}

  static String nameOf(BranchKind kind) {
    return kind.name();
  }
}
