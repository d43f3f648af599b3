package org.bpsim.pipeline;

/**
 * The CBP-2025 kit's stride prefetcher ({@code lib/stride_prefetcher.h}, after Chen and Baer's
 * reference prediction table), on by default in the kit and so in the {@code cbp2025} machine.
 *
 * <ul>
 *   <li>A 1024-entry fully associative table of loads by pc / 4, true LRU. Each load trains its
 *       entry through the states initial, transient, steady and no-prediction on whether its
 *       stride repeats; the LRU position moves only when the stride is not zero, and a new load
 *       takes the least recently used entry.
 *   <li>At fetch, before training, a load whose entry is steady generates a prefetch of
 *       {@code current + 2 * stride} stamped with the fetch cycle, unless the queue already holds
 *       a prefetch of that 64-byte line. The queue is kept sorted by (cycle, address).
 *   <li>Prefetches issue oldest first, each on a load/store lane left free in a cycle from the
 *       previous fetch cycle to the current one; one older than 8 cycles is dropped, and one that
 *       finds no lane is put back and waits for the next fetch.
 * </ul>
 */
final class KitStridePrefetcher {
  static final int ENTRIES = 1024;
  private static final long NO_TAG = 0xdeadbeefL;
  private static final int INITIAL = 1;
  private static final int TRANSIENT = 2;
  private static final int STEADY = 3;
  private static final int NO_PREDICTION = 4;
  private static final int MULTIPLIER = 2;
  private static final long LINE_MASK = ~63L;
  private static final int MUST_ISSUE_WITHIN = 8;

  private final long[] tag = new long[ENTRIES];
  private final int[] state = new int[ENTRIES];
  private final long[] current = new long[ENTRIES];
  private final long[] stride = new long[ENTRIES];
  /**
   * The kit's LRU ranks (the touched entry goes to the top, those above it move down one, the
   * entry at rank 0 is the victim) are a recency order: kept as a doubly linked list, least
   * recent first, so a touch costs no walk over the table.
   */
  private final int[] newer = new int[ENTRIES];
  private final int[] older = new int[ENTRIES];
  private int leastRecent;
  private int mostRecent;
  /** Entry by tag, open addressing (tags are never removed, only replaced). */
  private final TagIndex index = new TagIndex();

  // The queue, sorted by (cycle, address), from head to head + size.
  private long[] queueAddress = new long[64];
  private long[] queueCycle = new long[64];
  private int head;
  private int size;

  private long duplicates;
  private long dropped;

  KitStridePrefetcher() {
    // Initially entry i has rank i: entry 0 is the least recent.
    for (int i = 0; i < ENTRIES; i++) {
      tag[i] = NO_TAG;
      older[i] = i - 1;
      newer[i] = i + 1;
    }
    newer[ENTRIES - 1] = -1;
    leastRecent = 0;
    mostRecent = ENTRIES - 1;
  }

  private int find(long pc) {
    if (pc == NO_TAG) {
      // Every entry never used holds the kit's placeholder tag: the first such entry matches.
      int e = index.get(pc);
      if (e >= 0) {
        return e;
      }
      for (int i = 0; i < ENTRIES; i++) {
        if (tag[i] == NO_TAG) {
          return i;
        }
      }
      return -1;
    }
    return index.get(pc);
  }

  /** At the fetch of a load with {@code pc4 = pc >>> 2}: a steady entry generates a prefetch. */
  void lookahead(long pc4, long cycle) {
    int e = find(pc4);
    if (e >= 0 && state[e] == STEADY) {
      generate(e, cycle);
    }
  }

  /**
   * What the kit does for a load, in its order: {@link #lookahead} at the fetch cycle, then
   * {@link #train} with the load's address, with one search of the table for both (the
   * lookahead changes only the queue).
   */
  void onLoad(long pc4, long fetchCycle, long address) {
    int e = find(pc4);
    if (e >= 0 && state[e] == STEADY) {
      generate(e, fetchCycle);
    }
    train(e, pc4, address);
  }

  /** Trains the table with a load's address. */
  void train(long pc4, long address) {
    train(find(pc4), pc4, address);
  }

  private void train(int e, long pc4, long address) {
    if (e < 0) {
      int victim = leastRecent;
      if (tag[victim] != NO_TAG) {
        index.remove(tag[victim]);
      }
      tag[victim] = pc4;
      index.put(pc4, victim);
      state[victim] = INITIAL;
      current[victim] = address;
      stride[victim] = 0;
      touch(victim);
    } else {
      long s = address - current[e];
      boolean same = s == stride[e];
      switch (state[e]) {
        case INITIAL -> {
          if (same) {
            state[e] = STEADY;
          } else {
            stride[e] = s;
            state[e] = TRANSIENT;
          }
        }
        case TRANSIENT -> {
          if (same) {
            state[e] = STEADY;
          } else {
            stride[e] = s;
            state[e] = NO_PREDICTION;
          }
        }
        case STEADY -> state[e] = same ? STEADY : INITIAL;
        default -> {
          if (same) {
            state[e] = TRANSIENT;
          } else {
            stride[e] = s;
            state[e] = NO_PREDICTION;
          }
        }
      }
      current[e] = address;
      if (stride[e] != 0) {
        touch(e);
      }
    }
  }

  private void touch(int e) {
    if (e == mostRecent) {
      return;
    }
    // Unlink e, then put it on top.
    if (older[e] >= 0) {
      newer[older[e]] = newer[e];
    } else {
      leastRecent = newer[e];
    }
    older[newer[e]] = older[e];
    older[e] = mostRecent;
    newer[e] = -1;
    newer[mostRecent] = e;
    mostRecent = e;
  }

  private void generate(int e, long cycle) {
    if (stride[e] == 0) {
      return;
    }
    long address = current[e] + stride[e] * MULTIPLIER;
    for (int i = 0; i < size; i++) {
      if ((queueAddress[at(i)] & LINE_MASK) == (address & LINE_MASK)) {
        duplicates++;
        return;
      }
    }
    // Insert in (cycle, address) order (unsigned, as the kit compares).
    if (size == queueAddress.length) {
      grow();
    }
    int i = size;
    while (i > 0) {
      int prev = at(i - 1);
      long c = queueCycle[prev];
      if (c < cycle || (c == cycle && Long.compareUnsigned(queueAddress[prev], address) <= 0)) {
        break;
      }
      queueAddress[at(i)] = queueAddress[prev];
      queueCycle[at(i)] = c;
      i--;
    }
    queueAddress[at(i)] = address;
    queueCycle[at(i)] = cycle;
    size++;
  }

  private int at(int i) {
    return (head + i) & (queueAddress.length - 1);
  }

  private void grow() {
    long[] a = new long[queueAddress.length * 2];
    long[] c = new long[a.length];
    for (int i = 0; i < size; i++) {
      a[i] = queueAddress[at(i)];
      c[i] = queueCycle[at(i)];
    }
    queueAddress = a;
    queueCycle = c;
    head = 0;
  }

  /**
   * Drops prefetches too old to be useful at {@code cycle}, then takes the oldest if it was
   * generated by then: returns its address, with its cycle in {@link #takenCycle()}, or -1.
   */
  boolean take(long cycle) {
    while (size > 0 && queueCycle[head] + MUST_ISSUE_WITHIN < cycle) {
      dropped++;
      pop();
    }
    if (size > 0 && queueCycle[head] <= cycle) {
      takenAddress = queueAddress[head];
      takenCycle = queueCycle[head];
      pop();
      return true;
    }
    return false;
  }

  private long takenAddress;
  private long takenCycle;

  long takenAddress() {
    return takenAddress;
  }

  long takenCycle() {
    return takenCycle;
  }

  /** Returns the last taken prefetch to the head of the queue (no free lane for it). */
  void putBack() {
    head = (head - 1) & (queueAddress.length - 1);
    queueAddress[head] = takenAddress;
    queueCycle[head] = takenCycle;
    size++;
  }

  private void pop() {
    head = (head + 1) & (queueAddress.length - 1);
    size--;
  }

  /** The cycle of the oldest queued prefetch, or Long.MAX_VALUE. */
  long oldestCycle() {
    return size == 0 ? Long.MAX_VALUE : queueCycle[head];
  }

  long duplicates() {
    return duplicates;
  }

  long dropped() {
    return dropped;
  }

  /** A map from tag to entry without boxing: open addressing with backward-shift deletion. */
  private static final class TagIndex {
    private static final int CAPACITY = 4096;
    private final long[] keys = new long[CAPACITY];
    private final int[] values = new int[CAPACITY];
    private final boolean[] used = new boolean[CAPACITY];

    private static int home(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h >>> 52);
    }

    int get(long key) {
      for (int i = home(key); used[i]; i = (i + 1) & (CAPACITY - 1)) {
        if (keys[i] == key) {
          return values[i];
        }
      }
      return -1;
    }

    void put(long key, int value) {
      int i = home(key);
      while (used[i] && keys[i] != key) {
        i = (i + 1) & (CAPACITY - 1);
      }
      used[i] = true;
      keys[i] = key;
      values[i] = value;
    }

    void remove(long key) {
      int i = home(key);
      while (used[i] && keys[i] != key) {
        i = (i + 1) & (CAPACITY - 1);
      }
      if (!used[i]) {
        return;
      }
      used[i] = false;
      // Shift later members of the cluster back so lookups still find them.
      for (int j = (i + 1) & (CAPACITY - 1); used[j]; j = (j + 1) & (CAPACITY - 1)) {
        int want = home(keys[j]);
        boolean between = i <= j ? (want <= i || want > j) : (want <= i && want > j);
        if (between) {
          keys[i] = keys[j];
          values[i] = values[j];
          used[i] = true;
          used[j] = false;
          i = j;
        }
      }
    }
  }
}
