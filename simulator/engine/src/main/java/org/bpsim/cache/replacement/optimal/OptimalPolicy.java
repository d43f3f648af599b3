package org.bpsim.cache.replacement.optimal;

import java.util.HashMap;
import java.util.Map;
import org.bpsim.cache.replacement.ReplacementPolicy;

/**
 * Belady's optimal replacement (MIN, 1966): evict the line whose next request lies furthest in
 * the future, or that is never requested again.
 *
 * <p>It needs the future, which a trace-driven simulator can have: the simulation first replays
 * the trace once to record the sequence of blocks requested from this cache (every hit or fill, in
 * order), and this policy is then built on that recording. From it, each request's next use is
 * found once, backwards, and each line remembers the next use of the request that last touched
 * it. The recording is only valid if this cache's own choices do not change the requests it
 * receives (true for a first level, and for lower levels of a non-inclusive hierarchy once the
 * levels above are settled); the policy therefore checks every request against the recording and
 * reports a {@linkplain #diverged() divergence}, after which the simulation re-records and replays.
 */
public final class OptimalPolicy implements ReplacementPolicy {
  private static final int NEVER = Integer.MAX_VALUE;

  private final int ways;
  private final long[] future;
  private final int[] nextUse;
  private final int[] wayNextUse;
  private int cursor;
  private boolean diverged;

  public OptimalPolicy(int sets, int ways, long[] future) {
    if (future.length >= NEVER) {
      throw new IllegalArgumentException("request stream too long for optimal replacement");
    }
    this.ways = ways;
    this.future = future;
    this.nextUse = new int[future.length];
    this.wayNextUse = new int[sets * ways];
    Map<Long, Integer> seen = new HashMap<>();
    for (int i = future.length - 1; i >= 0; i--) {
      Integer later = seen.put(future[i], i);
      nextUse[i] = later == null ? NEVER : later;
    }
  }

  /** Whether the requests differed from the recording, so that the choices were not optimal. */
  public boolean diverged() {
    return diverged || cursor != future.length;
  }

  @Override
  public void onHit(int set, int way, long block) {
    wayNextUse[set * ways + way] = advance(block);
  }

  @Override
  public void onFill(int set, int way, long block) {
    wayNextUse[set * ways + way] = advance(block);
  }

  private int advance(long block) {
    if (diverged || cursor >= future.length || future[cursor] != block) {
      diverged = true;
      return NEVER;
    }
    return nextUse[cursor++];
  }

  @Override
  public void onInvalidate(int set, int way) {
    wayNextUse[set * ways + way] = NEVER;
  }

  @Override
  public int victim(int set) {
    int base = set * ways;
    int furthest = 0;
    for (int way = 1; way < ways; way++) {
      if (wayNextUse[base + way] > wayNextUse[base + furthest]) {
        furthest = way;
      }
    }
    return furthest;
  }
}
