package org.bpsim.replay;

import java.util.List;

/**
 * One static conditional branch and how every compared predictor fared on it.
 *
 * @param pc the branch's address
 * @param executions how often it ran in the counted region
 * @param taken how often it was taken
 * @param mispredictions per predictor, in the order of the comparison's predictors
 */
public record HardBranch(long pc, long executions, long taken, List<Long> mispredictions) {

  public HardBranch {
    mispredictions = List.copyOf(mispredictions);
  }

  /** Fraction of executions that were taken. */
  public double takenRate() {
    return executions == 0 ? 0 : (double) taken / executions;
  }
}
