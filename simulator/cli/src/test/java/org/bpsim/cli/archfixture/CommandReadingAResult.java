package org.bpsim.cli.archfixture;

import org.bpsim.replay.RunResult;

/**
 * Keeps "commands reach the engines only through jobs": a command may hold what a job returns,
 * an engine's record, and hand it to a renderer. Only
 * {@link org.bpsim.architecture.ArchitectureRulesBiteTest} imports it, to show that the rule lets
 * this pass.
 */
final class CommandReadingAResult {
  private CommandReadingAResult() {}

  static long mispredictionsOf(RunResult result) {
    return result.mispredictions();
  }
}
