package org.bpsim.replay.archfixture;

import java.util.List;
import org.bpsim.replay.RunResult;
import org.bpsim.report.Comparison;

/**
 * Breaks "engines use no renderer, job or command" on purpose: replay code that knows the
 * report's model. Only {@link org.bpsim.architecture.ArchitectureRulesBiteTest} imports it.
 */
final class ReplayBuildingAComparison {
  private ReplayBuildingAComparison() {}

  static List<RunResult> rowsOf(Comparison comparison) {
    return comparison.results();
  }
}
