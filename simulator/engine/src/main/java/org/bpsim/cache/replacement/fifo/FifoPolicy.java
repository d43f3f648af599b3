package org.bpsim.cache.replacement.fifo;

import org.bpsim.cache.replacement.ReplacementPolicy;

/** First in, first out: the victim is the line filled longest ago; hits change nothing. */
public final class FifoPolicy implements ReplacementPolicy {
  private final int ways;
  private final long[] filledAt;
  private long clock;

  public FifoPolicy(int sets, int ways) {
    this.ways = ways;
    this.filledAt = new long[sets * ways];
  }

  @Override
  public void onHit(int set, int way, long block) {
  }

  @Override
  public void onFill(int set, int way, long block) {
    filledAt[set * ways + way] = ++clock;
  }

  @Override
  public int victim(int set) {
    int base = set * ways;
    int oldest = 0;
    for (int way = 1; way < ways; way++) {
      if (filledAt[base + way] < filledAt[base + oldest]) {
        oldest = way;
      }
    }
    return oldest;
  }
}
