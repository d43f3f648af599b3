package org.bpsim.replay;

import java.util.List;

/**
 * The static branches of one trace that the baseline mispredicts most, worst first.
 *
 * @param trace the trace, named as in its results
 * @param predictors the predictors whose mispredictions each branch lists, in that order
 * @param baseline the predictor the branches are ranked by (one of {@code predictors})
 * @param staticBranches distinct conditional branch addresses seen in the counted region
 * @param branches the top branches, most baseline mispredictions first, ties by address
 */
public record TraceHardestBranches(String trace, List<String> predictors, String baseline,
    long staticBranches, List<HardBranch> branches) {

  public TraceHardestBranches {
    predictors = List.copyOf(predictors);
    branches = List.copyOf(branches);
    if (!predictors.contains(baseline)) {
      throw new IllegalArgumentException("baseline " + baseline + " is not among " + predictors);
    }
  }
}
