package org.bpsim.cache;

import org.bpsim.cache.replacement.ReplacementPolicy;

/**
 * One set-associative cache: the tag array, valid and dirty bits, its replacement policy and its
 * counters. It knows nothing of other levels; {@link CacheHierarchy} decides what a miss or an
 * eviction does. Addresses here are block numbers (byte address / line size).
 */
public final class Cache {
  private final CacheConfig config;
  private final int sets;
  private final int ways;
  private final boolean powerOfTwoSets;
  private final long[] blocks;
  private final boolean[] valid;
  private final boolean[] dirty;
  private final ReplacementPolicy policy;

  private int[] owners;
  private long[] interCoreEvictions;
  private int requester;

  long reads;
  long readMisses;
  long writes;
  long writeMisses;
  long writebacks;
  long backInvalidations;

  public Cache(CacheConfig config, ReplacementPolicy policy) {
    this.config = config;
    this.sets = config.sets();
    this.ways = config.ways();
    this.powerOfTwoSets = Integer.bitCount(sets) == 1;
    this.blocks = new long[sets * ways];
    this.valid = new boolean[sets * ways];
    this.dirty = new boolean[sets * ways];
    this.policy = policy;
  }

  public CacheConfig config() {
    return config;
  }

  public ReplacementPolicy policy() {
    return policy;
  }

  public int sets() {
    return sets;
  }

  public int ways() {
    return ways;
  }

  public int setOf(long block) {
    return powerOfTwoSets ? (int) (block & (sets - 1)) : (int) Long.remainderUnsigned(block, sets);
  }

  /** The tag the block has in this cache (the block number without its set index bits). */
  public long tagOf(long block) {
    return Long.divideUnsigned(block, sets);
  }

  /** The way of {@code set} holding {@code block}, or -1. */
  public int find(int set, long block) {
    int base = set * ways;
    for (int way = 0; way < ways; way++) {
      if (valid[base + way] && blocks[base + way] == block) {
        return way;
      }
    }
    return -1;
  }

  /** The way a new line of {@code set} goes to: the first invalid way, else the policy's victim. */
  int wayToFill(int set) {
    int base = set * ways;
    for (int way = 0; way < ways; way++) {
      if (!valid[base + way]) {
        return way;
      }
    }
    return policy.victim(set);
  }

  public boolean isValid(int set, int way) {
    return valid[set * ways + way];
  }

  public boolean isDirty(int set, int way) {
    return dirty[set * ways + way];
  }

  public long blockAt(int set, int way) {
    return blocks[set * ways + way];
  }

  void hit(int set, int way, long block, boolean write) {
    policy.onHit(set, way, block);
    if (write) {
      dirty[set * ways + way] = true;
    }
  }

  void fill(int set, int way, long block, boolean makeDirty) {
    int i = set * ways + way;
    if (owners != null) {
      owners[i] = requester;
    }
    blocks[i] = block;
    valid[i] = true;
    dirty[i] = makeDirty;
    policy.onFill(set, way, block);
  }

  /** Removes a line without a replacement; the caller deals with its data. */
  void invalidate(int set, int way) {
    int i = set * ways + way;
    valid[i] = false;
    dirty[i] = false;
    policy.onInvalidate(set, way);
  }

  /** Marks a replaced line gone; the policy learns of its successor through the fill. */
  void drop(int set, int way) {
    int i = set * ways + way;
    if (owners != null && valid[i] && owners[i] != requester) {
      interCoreEvictions[requester]++;
    }
    valid[i] = false;
    dirty[i] = false;
  }

  /**
   * Starts recording which of {@code cores} cores filled each line, for a shared cache's
   * occupancy and inter-core evictions; {@link #setRequester} names the core of each access.
   */
  public void trackOwners(int cores) {
    owners = new int[blocks.length];
    interCoreEvictions = new long[cores];
  }

  public void setRequester(int core) {
    requester = core;
  }

  /** Valid lines last filled on behalf of {@code core}. */
  public long occupancy(int core) {
    long lines = 0;
    for (int i = 0; i < blocks.length; i++) {
      if (valid[i] && owners[i] == core) {
        lines++;
      }
    }
    return lines;
  }

  /** Lines of other cores that misses of {@code core} evicted. */
  public long interCoreEvictions(int core) {
    return interCoreEvictions[core];
  }

  /** Dirty lines this cache has sent down so far (cheap: no snapshot). */
  public long writebacks() {
    return writebacks;
  }

  public CacheStats stats() {
    return new CacheStats(config.name(), reads, readMisses, writes, writeMisses, writebacks,
        backInvalidations);
  }
}
