package org.bpsim.cache;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain of write-back, write-allocate caches in front of main memory, with an inclusion policy
 * for the last level. The access semantics (documented in docs/caches.md) are those of the
 * classic two-level course simulator, generalised to any depth:
 *
 * <ol>
 *   <li>A read or write that hits updates the replacement state; a write makes the line dirty.
 *   <li>A miss allocates a line (write-allocate): the victim is chosen first; if it is dirty it is
 *       written back to the next level (a write request there) or to memory; then the block is
 *       read from the next level (a read request there) or from memory; then it is installed,
 *       dirty if the request was a write.
 *   <li>Inclusive last level: when it replaces a line, copies of that block in the levels above
 *       are invalidated, and a dirty copy is written straight to memory.
 *   <li>Exclusive last level: it holds only the victims of the level above. A miss above looks it
 *       up; a hit there moves the line up (with its dirty bit) and frees it below; a miss there
 *       reads memory straight into the level above. Every victim above, clean or dirty, is
 *       written into the last level.
 * </ol>
 *
 * Levels may have different line sizes, never smaller than the line of the level above (as in
 * the CBP-2025 kit, whose L3 has 128-byte lines under 64-byte L1 and L2 lines). A request always
 * names the block of the level it reaches that encloses the address: a miss fetches the
 * enclosing block of the next level, a writeback writes (and dirties) the enclosing block there,
 * and an inclusive last level that replaces a block invalidates every smaller line of it above.
 * An exclusive last level needs the same line size as the level above (moving a line up
 * would otherwise leave part of a block behind).
 *
 * Memory traffic counts blocks moved to or from memory (blocks of the last level).
 */
public final class CacheHierarchy {
  private final Cache[] levels;
  private final Inclusion inclusion;
  /** log2 of each level's line size: a byte address shifted right by it is that level's block. */
  private final int[] lineShift;
  private long memoryReads;
  private long memoryWrites;
  private Cache[] inclusionPeers;

  public CacheHierarchy(List<Cache> levels, Inclusion inclusion) {
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("a hierarchy needs at least one cache");
    }
    List<CacheConfig> configs = new ArrayList<>();
    for (Cache level : levels) {
      configs.add(level.config());
    }
    HierarchyConfig.checkLineSizes(configs, inclusion);
    this.levels = levels.toArray(new Cache[0]);
    this.inclusion = inclusion;
    this.lineShift = new int[levels.size()];
    for (int i = 0; i < lineShift.length; i++) {
      lineShift[i] = Integer.numberOfTrailingZeros(levels.get(i).config().lineBytes());
    }
    this.inclusionPeers = java.util.Arrays.copyOf(this.levels, this.levels.length - 1);
  }

  public List<Cache> levels() {
    return List.of(levels);
  }

  public Inclusion inclusion() {
    return inclusion;
  }

  /**
   * A data read ({@code write} false) or write of the byte at {@code address}.
   *
   * @return the level that supplied the block: 0 for a first-level hit, the number of levels
   *     when it came from memory
   */
  public int access(long address, boolean write) {
    return request(0, address >>> lineShift[0], write);
  }

  /**
   * Replaces the caches that an inclusive last level back-invalidates (by default the levels
   * above it in this chain): when several chains share a last level (an instruction and a data
   * side, or several cores), every cache above it must be listed.
   */
  public void setInclusionPeers(List<Cache> peers) {
    this.inclusionPeers = peers.toArray(new Cache[0]);
  }

  /** Blocks read from memory. */
  public long memoryReads() {
    return memoryReads;
  }

  /** Blocks written to memory, including those written straight from a back-invalidation. */
  public long memoryWrites() {
    return memoryWrites;
  }

  public long memoryTraffic() {
    return memoryReads + memoryWrites;
  }

  public List<CacheStats> stats() {
    List<CacheStats> stats = new ArrayList<>();
    for (Cache level : levels) {
      stats.add(level.stats());
    }
    return stats;
  }

  private boolean exclusiveBelow(int level) {
    return inclusion == Inclusion.EXCLUSIVE && level == levels.length - 2;
  }

  /** Serves a request at {@code level}; returns the level that supplied the block. */
  private int request(int level, long block, boolean write) {
    Cache cache = levels[level];
    if (write) {
      cache.writes++;
    } else {
      cache.reads++;
    }
    int set = cache.setOf(block);
    int way = cache.find(set, block);
    if (way >= 0) {
      cache.hit(set, way, block, write);
      return level;
    }
    if (write) {
      cache.writeMisses++;
    } else {
      cache.readMisses++;
    }
    return allocate(level, set, block, write);
  }

  private int allocate(int level, int set, long block, boolean write) {
    Cache cache = levels[level];
    int way = cache.wayToFill(set);
    if (cache.isValid(set, way)) {
      evict(level, set, way);
    }
    boolean dirty = write;
    int supplier;
    if (exclusiveBelow(level)) {
      int found = takeFromExclusive(block);
      dirty |= found == EXCLUSIVE_DIRTY_HIT;
      supplier = found == EXCLUSIVE_MISS ? levels.length : levels.length - 1;
    } else if (level + 1 < levels.length) {
      supplier = request(level + 1, below(level, block), false);
    } else {
      memoryReads++;
      supplier = levels.length;
    }
    cache.fill(set, way, block, dirty);
    return supplier;
  }

  private void evict(int level, int set, int way) {
    Cache cache = levels[level];
    long victim = cache.blockAt(set, way);
    boolean dirty = cache.isDirty(set, way);
    cache.drop(set, way);
    if (level == levels.length - 1 && inclusion == Inclusion.INCLUSIVE) {
      backInvalidate(victim);
    }
    if (exclusiveBelow(level)) {
      if (dirty) {
        cache.writebacks++;
      }
      putIntoExclusive(victim, dirty);
    } else if (dirty) {
      cache.writebacks++;
      if (level + 1 < levels.length) {
        request(level + 1, below(level, victim), true);
      } else {
        memoryWrites++;
      }
    }
  }

  /** The block of the level below {@code level} that encloses {@code block} of {@code level}. */
  private long below(int level, long block) {
    return block >>> (lineShift[level + 1] - lineShift[level]);
  }

  /** Invalidates every line above that lies within the last level's {@code block}. */
  private void backInvalidate(long block) {
    int lastShift = lineShift[levels.length - 1];
    for (Cache cache : inclusionPeers) {
      int shift = Integer.numberOfTrailingZeros(cache.config().lineBytes());
      int pieces = 1 << Math.max(0, lastShift - shift);
      long first = (block << lastShift) >>> shift;
      for (int piece = 0; piece < pieces; piece++) {
        int set = cache.setOf(first + piece);
        int way = cache.find(set, first + piece);
        if (way >= 0) {
          if (cache.isDirty(set, way)) {
            memoryWrites++;
          }
          cache.backInvalidations++;
          cache.invalidate(set, way);
        }
      }
    }
  }

  private static final int EXCLUSIVE_MISS = 0;
  private static final int EXCLUSIVE_CLEAN_HIT = 1;
  private static final int EXCLUSIVE_DIRTY_HIT = 2;

  /** Looks a block up in the exclusive last level; moves it out if present. */
  private int takeFromExclusive(long block) {
    Cache last = levels[levels.length - 1];
    last.reads++;
    int set = last.setOf(block);
    int way = last.find(set, block);
    if (way < 0) {
      last.readMisses++;
      memoryReads++;
      return EXCLUSIVE_MISS;
    }
    last.hit(set, way, block, false);
    boolean dirty = last.isDirty(set, way);
    last.invalidate(set, way);
    return dirty ? EXCLUSIVE_DIRTY_HIT : EXCLUSIVE_CLEAN_HIT;
  }

  /** Writes a victim of the level above into the exclusive last level. */
  private void putIntoExclusive(long block, boolean dirty) {
    Cache last = levels[levels.length - 1];
    last.writes++;
    int set = last.setOf(block);
    int way = last.wayToFill(set);
    if (last.isValid(set, way)) {
      evict(levels.length - 1, set, way);
    }
    last.fill(set, way, block, dirty);
  }
}
