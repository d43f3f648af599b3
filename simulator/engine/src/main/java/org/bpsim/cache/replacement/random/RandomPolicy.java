package org.bpsim.cache.replacement.random;

import java.util.SplittableRandom;
import org.bpsim.cache.replacement.ReplacementPolicy;

/** Evicts a uniformly random way, from a seeded generator so that runs repeat exactly. */
public final class RandomPolicy implements ReplacementPolicy {
  private final int ways;
  private final SplittableRandom random;

  public RandomPolicy(int ways, long seed) {
    this.ways = ways;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public void onHit(int set, int way, long block) {
  }

  @Override
  public void onFill(int set, int way, long block) {
  }

  @Override
  public int victim(int set) {
    return random.nextInt(ways);
  }
}
