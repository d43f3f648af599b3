package org.bpsim.machine;

/**
 * One core's pipeline parameters for the interval model.
 *
 * @param width instructions dispatched (and committed) per cycle at best
 * @param robSize reorder buffer entries: how far ahead independent misses can overlap
 * @param frontendStages cycles to refill the front end after a redirect
 * @param branchResolution cycles from a mispredicted branch's dispatch to its resolution
 * @param btbSets branch target buffer sets
 * @param btbWays branch target buffer ways
 * @param rasEntries return address stack entries
 */
public record CoreConfig(int width, int robSize, int frontendStages, int branchResolution,
    int btbSets, int btbWays, int rasEntries) {

  public CoreConfig {
    positive("width", width);
    positive("robSize", robSize);
    nonNegative("frontendStages", frontendStages);
    nonNegative("branchResolution", branchResolution);
    positive("btb.sets", btbSets);
    positive("btb.ways", btbWays);
    positive("rasEntries", rasEntries);
  }

  /** Cycles a direction or target misprediction costs: refill the front end plus resolution. */
  public int mispredictionPenalty() {
    return frontendStages + branchResolution;
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, not " + value);
    }
  }

  private static void nonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, not " + value);
    }
  }
}
