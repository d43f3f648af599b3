package org.bpsim.pipeline;

/**
 * One core's demand traffic at one cache level: its fetches, loads and stores that reached it,
 * those that went further, and the dirty lines the level sent down while serving this core.
 * Prefetches (the kit model's stride prefetcher) are counted apart, as the kit counts them:
 * those that reached the level and those that missed there.
 */
public record LevelResult(String name, long accesses, long hits, long misses, double mpki,
    long writebacks, long prefetches, long prefetchMisses) {

  /** A level no prefetch reaches. */
  public LevelResult(String name, long accesses, long hits, long misses, double mpki,
      long writebacks) {
    this(name, accesses, hits, misses, mpki, writebacks, 0, 0);
  }
}
