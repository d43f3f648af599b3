package org.bpsim.trace.archfixture;

import org.bpsim.replay.RunResult;

/**
 * Breaks "traces use only the SPI, errors and outputs" on purpose: a trace class that reads a
 * replay's result. Only {@link org.bpsim.architecture.ArchitectureRulesBiteTest} imports it.
 */
final class TraceReadingARunResult {
  private TraceReadingARunResult() {}

  static String traceOf(RunResult result) {
    return result.trace();
  }
}
