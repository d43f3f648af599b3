package org.bpsim.replay;

import java.io.IOException;
import org.bpsim.trace.BranchBatch;

/**
 * Some of a replay's predictors, fed one batch at a time: all of them in a plain pass, one each
 * in a {@link SplitReplay} (whose workers take them in turn). Each member keeps its position in
 * the replay's list, under which its statistics and mispredictions are reported.
 */
final class PredictorGroup {
  private final GuardedPredictor[] members;
  private final int[] indices;
  private final boolean anyOnLane;

  private PredictorGroup(GuardedPredictor[] members, int[] indices) {
    this.members = members;
    this.indices = indices;
    boolean onLane = false;
    for (GuardedPredictor member : members) {
      onLane |= member.onLane();
    }
    this.anyOnLane = onLane;
  }

  /** Every predictor of the replay, in one group. */
  static PredictorGroup all(GuardedPredictor[] predictors) {
    return split(predictors, 1)[0];
  }

  /**
   * The predictors in {@code count} groups, predictor i in group i mod count (with count the
   * number of predictors, one group each).
   */
  static PredictorGroup[] split(GuardedPredictor[] predictors, int count) {
    PredictorGroup[] groups = new PredictorGroup[count];
    for (int g = 0; g < count; g++) {
      int size = (predictors.length - g + count - 1) / count;
      GuardedPredictor[] members = new GuardedPredictor[size];
      int[] indices = new int[size];
      for (int m = 0; m < size; m++) {
        indices[m] = g + m * count;
        members[m] = predictors[indices[m]];
      }
      groups[g] = new PredictorGroup(members, indices);
    }
    return groups;
  }

  /**
   * Feeds one batch to every member: plugins first, so that their lanes work while this thread
   * feeds the built-ins, then waits for the lanes, then hands each member's listed
   * mispredictions to {@code sink} (when not null). {@code slots} null: no statistics.
   *
   * @throws IOException only for what is no predictor's fault: the sink's own failures, or this
   *     thread interrupted while it waited for a lane
   */
  void feed(ReplayBatch decoded, int[] slots, BranchStatistics statistics,
      MispredictionSink sink) throws IOException {
    BranchBatch batch = decoded.batch;
    int start = decoded.start;
    int stop = decoded.stop;
    long firstIndex = decoded.firstIndex;
    int count = members.length;
    if (anyOnLane) {
      for (int m = 0; m < count; m++) {
        if (members[m].onLane()) {
          members[m].startBatch(batch, start, stop, slots, statistics, indices[m], firstIndex);
        }
      }
    }
    for (int m = 0; m < count; m++) {
      if (!members[m].onLane()) {
        members[m].startBatch(batch, start, stop, slots, statistics, indices[m], firstIndex);
      }
    }
    if (anyOnLane) {
      for (GuardedPredictor member : members) {
        member.finishBatch(batch);
      }
    }
    if (sink != null) {
      for (int m = 0; m < count; m++) {
        int listed = members[m].listed();
        if (listed > 0) {
          sink.mispredicted(indices[m], batch, members[m].missedAt(), members[m].missedIndex(),
              listed);
        }
      }
    }
  }
}
