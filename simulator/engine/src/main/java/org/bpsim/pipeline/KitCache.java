package org.bpsim.pipeline;

/**
 * One cache level as the CBP-2025 kit models it ({@code lib/cache.cc}): set-associative, true
 * LRU, and every line keeps the cycle its data becomes available, so that a hit on a line still
 * being filled waits for the fill. A miss asks the next level at {@code cycle + latency} (or
 * main memory, a fixed latency later) and installs the line with that level's answer; nothing
 * is ever written back. Prefetches are counted apart from demand accesses, as in the kit.
 */
final class KitCache {
  private final String name;
  private final int offsetBits;
  private final long indexMask;
  private final int ways;
  private final int latency;
  private final KitCache next;
  private final int memoryLatency;
  private final long[] tag;
  private final long[] available;
  /** LRU rank per way: 0 is the most recently used. */
  private final int[] rank;
  private final boolean[] valid;

  private long accesses;
  private long misses;
  /** Levels the last access missed in, this one included (0: a hit here; past the last: memory). */
  private int missedLevels;
  private long prefetchAccesses;
  private long prefetchMisses;

  /**
   * @param latency this level's own search latency (the kit adds the levels' latencies up)
   * @param next the level below, or null for the last one, backed by memory
   * @param memoryLatency main memory's fixed latency after the last level's search
   */
  KitCache(String name, long sizeBytes, int ways, int lineBytes, int latency, KitCache next,
      int memoryLatency) {
    long sets = sizeBytes / ((long) ways * lineBytes);
    if (Long.bitCount(lineBytes) != 1 || Long.bitCount(sets) != 1) {
      throw new IllegalArgumentException(name + ": line size and set count must be powers of two");
    }
    this.name = name;
    this.offsetBits = Integer.numberOfTrailingZeros(lineBytes);
    this.indexMask = sets - 1;
    this.ways = ways;
    this.latency = latency;
    this.next = next;
    this.memoryLatency = memoryLatency;
    int lines = (int) (sets * ways);
    this.tag = new long[lines];
    this.available = new long[lines];
    this.rank = new int[lines];
    this.valid = new boolean[lines];
    for (int i = 0; i < lines; i++) {
      rank[i] = i % ways;
    }
  }

  String name() {
    return name;
  }

  KitCache next() {
    return next;
  }

  /** Whether a search at {@code cycle} would find the line there and its data in time. */
  boolean isHit(long cycle, long address) {
    long block = address >>> offsetBits;
    int set = (int) (block & indexMask) * ways;
    long t = block >>> Long.numberOfTrailingZeros(indexMask + 1);
    for (int way = 0; way < ways; way++) {
      if (valid[set + way] && tag[set + way] == t) {
        return available[set + way] <= cycle + latency;
      }
    }
    return false;
  }

  /** The cycle the block holding {@code address}, searched at {@code cycle}, is available. */
  long access(long cycle, long address, boolean prefetch) {
    long block = address >>> offsetBits;
    int set = (int) (block & indexMask) * ways;
    long t = block >>> Long.numberOfTrailingZeros(indexMask + 1);
    if (prefetch) {
      prefetchAccesses++;
    } else {
      accesses++;
    }
    int victim = -1;
    int oldest = -1;
    for (int way = 0; way < ways; way++) {
      int line = set + way;
      if (valid[line] && tag[line] == t) {
        long avail = Math.max(available[line], cycle + latency);
        touch(set, way);
        missedLevels = 0;
        return avail;
      }
      // The kit's victim: the last way holding the highest rank.
      if (rank[line] >= oldest) {
        oldest = rank[line];
        victim = way;
      }
    }
    if (prefetch) {
      prefetchMisses++;
    } else {
      misses++;
    }
    long avail = next != null ? next.access(cycle + latency, address, prefetch)
        : cycle + latency + memoryLatency;
    missedLevels = next != null ? 1 + next.missedLevels : 1;
    int line = set + victim;
    valid[line] = true;
    tag[line] = t;
    available[line] = avail;
    touch(set, victim);
    return avail;
  }

  private void touch(int set, int way) {
    int mine = rank[set + way];
    for (int w = 0; w < ways; w++) {
      if (rank[set + w] < mine) {
        rank[set + w]++;
      }
    }
    rank[set + way] = 0;
  }

  /**
   * How many levels the last access from here missed in: 0 if this level had the line, the
   * number of levels from here down if memory supplied it (the level that supplied it, counted
   * from here).
   */
  int missedLevels() {
    return missedLevels;
  }

  /**
   * Counts a demand access that is known to hit the most recently used line of its set and
   * whose data is there: what {@link #access} would do for it, without the search.
   */
  void countRepeatedHit() {
    accesses++;
    missedLevels = 0;
  }

  long accesses() {
    return accesses;
  }

  long misses() {
    return misses;
  }

  long prefetchAccesses() {
    return prefetchAccesses;
  }

  long prefetchMisses() {
    return prefetchMisses;
  }
}
