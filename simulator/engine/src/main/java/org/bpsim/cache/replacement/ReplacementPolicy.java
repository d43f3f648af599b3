package org.bpsim.cache.replacement;

/**
 * Chooses which way of a full set to evict. The cache fills invalid ways first (lowest way
 * first) without asking; the policy is told of every hit and fill so it can keep its order, and
 * is only asked for a victim when every way of the set is valid.
 *
 * <p>Every access that reaches the cache produces exactly one {@code onHit} or {@code onFill}, in
 * request order, which is what lets an oracle policy (Belady) follow a recorded request stream.
 */
public interface ReplacementPolicy {

  void onHit(int set, int way, long block);

  void onFill(int set, int way, long block);

  /** The line in {@code way} was removed without a replacement (back-invalidation, exclusion). */
  default void onInvalidate(int set, int way) {
  }

  /** The way to evict from {@code set}, every way of which holds a valid line. */
  int victim(int set);
}
