package org.bpsim.cache;

import java.util.List;

/** The levels of a data-cache hierarchy, nearest the core first, and its last level's inclusion. */
public record HierarchyConfig(List<CacheConfig> levels, Inclusion inclusion) {
  public HierarchyConfig {
    levels = List.copyOf(levels);
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("a hierarchy needs at least one cache level");
    }
    if (inclusion == Inclusion.EXCLUSIVE && levels.size() < 2) {
      throw new IllegalArgumentException("an exclusive last level needs a level above it");
    }
    checkLineSizes(levels, inclusion);
  }

  /**
   * Lines may grow, never shrink, going down the levels; an exclusive last level has the line
   * size of the level above it (see {@link CacheHierarchy}).
   */
  static void checkLineSizes(List<CacheConfig> levels, Inclusion inclusion) {
    for (int i = 1; i < levels.size(); i++) {
      CacheConfig above = levels.get(i - 1);
      CacheConfig below = levels.get(i);
      if (below.lineBytes() < above.lineBytes()) {
        throw new IllegalArgumentException("a level's lines may not be smaller than the lines "
            + "above it: " + below.name() + " has " + below.lineBytes() + "-byte lines under "
            + above.name() + "'s " + above.lineBytes());
      }
    }
    int last = levels.size() - 1;
    if (inclusion == Inclusion.EXCLUSIVE && last >= 1
        && levels.get(last).lineBytes() != levels.get(last - 1).lineBytes()) {
      throw new IllegalArgumentException("an exclusive last level needs the line size of the "
          + "level above it");
    }
  }

  public int lineBytes() {
    return levels.get(0).lineBytes();
  }

  /**
   * The course simulator's parameters: one line size, an L1, and an L2 when {@code l2Size} is
   * above 0, every level with the same replacement policy. Latencies are not part of that model.
   */
  public static HierarchyConfig course(int lineBytes, long l1Size, int l1Ways, long l2Size,
      int l2Ways, String replacement, Inclusion inclusion) {
    CacheConfig l1 = new CacheConfig("L1", l1Size, l1Ways, lineBytes, 1, replacement);
    if (l2Size == 0) {
      return new HierarchyConfig(List.of(l1), inclusion);
    }
    CacheConfig l2 = new CacheConfig("L2", l2Size, l2Ways, lineBytes, 10, replacement);
    return new HierarchyConfig(List.of(l1, l2), inclusion);
  }
}
