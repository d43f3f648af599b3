package org.bpsim.pipeline;

import java.util.Arrays;

/**
 * The CBP-2025 kit's store queue ({@code SQ} in {@code lib/uarchsim.cc}): for every byte the
 * latest store wrote, that store's execute cycle and the cycle it leaves the queue (its retire
 * cycle, or later if its cache write waits for a miss). A load searching the queue at cycle
 * {@code s} takes a byte from the store when {@code s} is before the store leaves, at the later
 * of {@code s} and the store's execute cycle; every other byte comes from the data cache. The
 * load is ready when its last byte is.
 *
 * <p>Bytes are kept by 8-byte word (a byte never stored leaves the queue at cycle 0, so it is
 * never forwarded). The kit keeps every byte ever stored; here a word whose bytes have all left
 * the queue by the current fetch cycle is forgotten when the table fills, since every later load
 * searches after that cycle and could not use them. So the table stays as large as the stores in
 * flight need, and it is reused rather than reallocated unless it must grow.
 */
final class KitStoreQueue {
  private static final int BYTES = 8;

  private long[] word = new long[1 << 10];
  private boolean[] used = new boolean[word.length];
  private long[] executed = new long[word.length * BYTES];
  private long[] leaves = new long[word.length * BYTES];
  private int count;
  // The other half of a double buffer, for rebuilding without allocating.
  private long[] spareWord = new long[word.length];
  private boolean[] spareUsed = new boolean[word.length];
  private long[] spareExecuted = new long[executed.length];
  private long[] spareLeaves = new long[leaves.length];

  private static int home(long w, int mask) {
    return (int) ((w * 0x9E3779B97F4A7C15L) >>> 40) & mask;
  }

  /** The slot of word {@code w}, or -1. */
  private int find(long w) {
    int mask = word.length - 1;
    for (int slot = home(w, mask); used[slot]; slot = (slot + 1) & mask) {
      if (word[slot] == w) {
        return slot;
      }
    }
    return -1;
  }

  /** The slot of word {@code w}, made if absent. */
  private int slotFor(long w, long now) {
    int slot = find(w);
    if (slot >= 0) {
      return slot;
    }
    if (2 * (count + 1) > word.length) {
      rebuild(now);
    }
    int mask = word.length - 1;
    slot = home(w, mask);
    while (used[slot]) {
      slot = (slot + 1) & mask;
    }
    used[slot] = true;
    word[slot] = w;
    Arrays.fill(leaves, slot * BYTES, slot * BYTES + BYTES, 0);
    count++;
    return slot;
  }

  /** Records a store of {@code size} bytes from {@code first}. */
  void record(long first, int size, long executeCycle, long leaveCycle, long now) {
    long a = first;
    long end = first + size;
    while (a < end) {
      int slot = slotFor(a >>> 3, now);
      int b = (int) (a & 7);
      int n = (int) Math.min(end - a, BYTES - b);
      int base = slot * BYTES + b;
      Arrays.fill(executed, base, base + n, executeCycle);
      Arrays.fill(leaves, base, base + n, leaveCycle);
      a += n;
    }
  }

  /**
   * When a load of {@code size} bytes from {@code first} searching at {@code searched} has all
   * its bytes, with {@code cacheReady} the cycle the data cache supplies them.
   */
  long loadReady(long first, int size, long searched, long cacheReady) {
    long ready = 0;
    long a = first;
    long end = first + size;
    while (a < end) {
      int slot = find(a >>> 3);
      int b = (int) (a & 7);
      int n = (int) Math.min(end - a, BYTES - b);
      if (slot < 0) {
        ready = Math.max(ready, cacheReady);
      } else {
        for (int i = slot * BYTES + b, last = i + n; i < last; i++) {
          ready = Math.max(ready, searched < leaves[i] ? Math.max(searched, executed[i])
              : cacheReady);
        }
      }
      a += n;
    }
    return ready;
  }

  /** Keeps only the words with a byte still in the queue after {@code now}; grows if needed. */
  private void rebuild(long now) {
    int live = 0;
    for (int i = 0; i < used.length; i++) {
      if (used[i] && alive(i, now)) {
        live++;
      }
    }
    int capacity = word.length;
    while (4 * (live + 1) > capacity) {
      capacity *= 2;
    }
    if (capacity != spareWord.length) {
      spareWord = new long[capacity];
      spareUsed = new boolean[capacity];
      spareExecuted = new long[capacity * BYTES];
      spareLeaves = new long[capacity * BYTES];
    } else {
      Arrays.fill(spareUsed, false);
    }
    int mask = capacity - 1;
    for (int i = 0; i < used.length; i++) {
      if (used[i] && alive(i, now)) {
        int slot = home(word[i], mask);
        while (spareUsed[slot]) {
          slot = (slot + 1) & mask;
        }
        spareUsed[slot] = true;
        spareWord[slot] = word[i];
        System.arraycopy(executed, i * BYTES, spareExecuted, slot * BYTES, BYTES);
        System.arraycopy(leaves, i * BYTES, spareLeaves, slot * BYTES, BYTES);
      }
    }
    long[] w = word;
    boolean[] u = used;
    long[] e = executed;
    long[] l = leaves;
    word = spareWord;
    used = spareUsed;
    executed = spareExecuted;
    leaves = spareLeaves;
    spareWord = w;
    spareUsed = u;
    spareExecuted = e;
    spareLeaves = l;
    if (spareWord.length != word.length) {
      // The old buffer is too small to be the spare of the grown table.
      spareWord = new long[word.length];
      spareUsed = new boolean[word.length];
      spareExecuted = new long[executed.length];
      spareLeaves = new long[leaves.length];
    }
    count = live;
  }

  private boolean alive(int slot, long now) {
    for (int i = slot * BYTES, last = i + BYTES; i < last; i++) {
      if (leaves[i] > now) {
        return true;
      }
    }
    return false;
  }
}
