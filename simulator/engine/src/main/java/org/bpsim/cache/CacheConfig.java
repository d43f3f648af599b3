package org.bpsim.cache;

/**
 * One cache level's parameters. Sizes are in bytes; the number of sets is
 * {@code sizeBytes / (ways * lineBytes)} and must come out whole.
 *
 * @param name the level's name in reports (L1, L2, LLC, ...)
 * @param latency hit latency in cycles (used by timing models, not by cache-only runs)
 * @param replacement replacement policy spec {@code name[:key=value,...]}, e.g. {@code lru}
 */
public record CacheConfig(String name, long sizeBytes, int ways, int lineBytes, int latency,
    String replacement) {

  public CacheConfig {
    if (sizeBytes <= 0) {
      throw new IllegalArgumentException(name + " size must be > 0 bytes, not " + sizeBytes);
    }
    if (ways <= 0) {
      throw new IllegalArgumentException(name + " associativity must be > 0, not " + ways);
    }
    if (lineBytes <= 0 || Integer.bitCount(lineBytes) != 1) {
      throw new IllegalArgumentException(name + " line size must be a power of two, not "
          + lineBytes);
    }
    if (sizeBytes % ((long) ways * lineBytes) != 0) {
      throw new IllegalArgumentException(name + " size " + sizeBytes
          + " is not a whole number of sets of " + ways + " x " + lineBytes + "-byte lines");
    }
    if (sizeBytes / ((long) ways * lineBytes) > Integer.MAX_VALUE / Math.max(1, ways)) {
      throw new IllegalArgumentException(name + " has too many lines: " + sizeBytes);
    }
    if (latency < 0) {
      throw new IllegalArgumentException(name + " latency must be >= 0, not " + latency);
    }
    if (replacement == null || replacement.isBlank()) {
      throw new IllegalArgumentException(name + " needs a replacement policy");
    }
  }

  public int sets() {
    return (int) (sizeBytes / ((long) ways * lineBytes));
  }
}
