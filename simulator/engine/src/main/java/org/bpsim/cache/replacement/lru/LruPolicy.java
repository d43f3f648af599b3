package org.bpsim.cache.replacement.lru;

import org.bpsim.cache.replacement.ReplacementPolicy;

/**
 * Least recently used: every hit or fill stamps the way with a running access count; the victim
 * is the way with the oldest stamp.
 */
public final class LruPolicy implements ReplacementPolicy {
  private final int ways;
  private final long[] lastUse;
  private long clock;

  public LruPolicy(int sets, int ways) {
    this.ways = ways;
    this.lastUse = new long[sets * ways];
  }

  @Override
  public void onHit(int set, int way, long block) {
    lastUse[set * ways + way] = ++clock;
  }

  @Override
  public void onFill(int set, int way, long block) {
    lastUse[set * ways + way] = ++clock;
  }

  @Override
  public int victim(int set) {
    int base = set * ways;
    int oldest = 0;
    for (int way = 1; way < ways; way++) {
      if (lastUse[base + way] < lastUse[base + oldest]) {
        oldest = way;
      }
    }
    return oldest;
  }
}
