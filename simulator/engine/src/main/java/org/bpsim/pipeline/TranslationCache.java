package org.bpsim.pipeline;

/**
 * A set-associative LRU table from a key (a page number, or the upper bits of an address) to a
 * value (a physical page, or a page-table entry's address), with the cycle each entry's value
 * arrives: ChampSim's TLBs (caches of one page per block) and its page-structure caches
 * ({@code msl::lru_table}: set = key mod sets, an empty way is taken first). Allocation-free.
 */
final class TranslationCache {
  private final int sets;
  private final int ways;
  private final long[] keys;
  private final long[] values;
  private final long[] ready;
  /** When each way was last used; 0: empty. */
  private final long[] used;
  private long clock;
  /** The way the last {@link #lookup} hit. */
  private int hitWay;

  TranslationCache(int sets, int ways) {
    this.sets = sets;
    this.ways = ways;
    keys = new long[sets * ways];
    values = new long[sets * ways];
    ready = new long[sets * ways];
    used = new long[sets * ways];
  }

  /** Whether {@code key} is held; a hit becomes the most recently used of its set. */
  boolean lookup(long key) {
    int base = (int) Long.remainderUnsigned(key, sets) * ways;
    for (int way = base; way < base + ways; way++) {
      if (used[way] != 0 && keys[way] == key) {
        used[way] = ++clock;
        hitWay = way;
        return true;
      }
    }
    return false;
  }

  /** The value the last hit found. */
  long value() {
    return values[hitWay];
  }

  /** The cycle the last hit's value arrived (or arrives: a fill still under way). */
  long readyCycle() {
    return ready[hitWay];
  }

  /** Puts {@code key}: over its own entry if held, else in an empty way, else over the LRU. */
  void fill(long key, long value, long readyCycle) {
    int base = (int) Long.remainderUnsigned(key, sets) * ways;
    int victim = base;
    for (int way = base; way < base + ways; way++) {
      if (used[way] != 0 && keys[way] == key) {
        victim = way;
        break;
      }
      if (used[way] < used[victim]) {
        victim = way;
      }
    }
    keys[victim] = key;
    values[victim] = value;
    ready[victim] = readyCycle;
    used[victim] = ++clock;
  }
}
