package org.bpsim.cache;

/**
 * What one cache level saw. Writebacks are dirty victims this level sent down (to the next level
 * or to memory); back-invalidations are the copies the inclusive last level removed from it.
 */
public record CacheStats(String name, long reads, long readMisses, long writes,
    long writeMisses, long writebacks, long backInvalidations) {

  public long accesses() {
    return reads + writes;
  }

  public long misses() {
    return readMisses + writeMisses;
  }

  public long hits() {
    return accesses() - misses();
  }

  /** Misses over accesses, 0 when nothing reached this level. */
  public double missRate() {
    return accesses() == 0 ? 0 : (double) misses() / accesses();
  }
}
