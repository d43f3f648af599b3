package org.bpsim.cli.archfixture;

import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.replay.Replay;
import org.bpsim.trace.BranchBatch;

/**
 * Breaks "commands reach the engines only through jobs" on purpose: a command that replays a
 * batch itself instead of asking a job. Only
 * {@link org.bpsim.architecture.ArchitectureRulesBiteTest} imports it.
 */
final class CommandReplayingItself {
  private CommandReplayingItself() {}

  static long mispredictions(BranchPredictor predictor, BranchBatch batch) {
    return Replay.replay(predictor, batch, 0, batch.size());
  }
}
