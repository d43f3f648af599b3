package org.bpsim.pipeline;

/**
 * The CBP-2025 kit's store queue ({@code SQ} in {@code lib/uarchsim.cc}): for every byte the
 * latest store wrote, that store's execute cycle and the cycle it leaves the queue (its retire
 * cycle, or later if its cache write waits for a miss). A load searching the queue at cycle
 * {@code s} takes a byte from the store when {@code s} is before the store leaves, at the later
 * of {@code s} and the store's execute cycle; every other byte comes from the data cache. The
 * load is ready when its last byte is.
 *
 * <p>The kit keeps every byte ever stored; here a byte whose store has left the queue by the
 * current fetch cycle is forgotten when the table fills, since every later load searches after
 * that cycle and could not use it. So the table stays as large as the stores in flight need.
 */
final class KitStoreQueue {
  private long[] address = new long[1 << 12];
  private long[] executed = new long[address.length];
  private long[] leaves = new long[address.length];
  private boolean[] used = new boolean[address.length];
  private int count;

  private static int home(long byteAddress, int mask) {
    return (int) ((byteAddress * 0x9E3779B97F4A7C15L) >>> 40) & mask;
  }

  /** Records a store of {@code size} bytes from {@code first}. */
  void record(long first, int size, long executeCycle, long leaveCycle, long now) {
    for (int i = 0; i < size; i++) {
      long a = first + i;
      int mask = address.length - 1;
      int slot = home(a, mask);
      while (used[slot] && address[slot] != a) {
        slot = (slot + 1) & mask;
      }
      if (!used[slot]) {
        if (2 * (count + 1) > address.length) {
          rebuild(now);
          i--;
          continue;
        }
        used[slot] = true;
        address[slot] = a;
        count++;
      }
      executed[slot] = executeCycle;
      leaves[slot] = leaveCycle;
    }
  }

  /**
   * When a load of {@code size} bytes from {@code first} searching at {@code searched} has all
   * its bytes, with {@code cacheReady} the cycle the data cache supplies them.
   */
  long loadReady(long first, int size, long searched, long cacheReady) {
    long ready = 0;
    int mask = address.length - 1;
    for (int i = 0; i < size; i++) {
      long a = first + i;
      int slot = home(a, mask);
      while (used[slot] && address[slot] != a) {
        slot = (slot + 1) & mask;
      }
      if (used[slot] && searched < leaves[slot]) {
        ready = Math.max(ready, Math.max(searched, executed[slot]));
      } else {
        ready = Math.max(ready, cacheReady);
      }
    }
    return ready;
  }

  /** Keeps only the bytes still in the queue after {@code now}; grows if they fill half. */
  private void rebuild(long now) {
    long[] oldAddress = address;
    long[] oldExecuted = executed;
    long[] oldLeaves = leaves;
    boolean[] oldUsed = used;
    int live = 0;
    for (int i = 0; i < oldUsed.length; i++) {
      if (oldUsed[i] && oldLeaves[i] > now) {
        live++;
      }
    }
    int capacity = oldAddress.length;
    while (4 * (live + 1) > capacity) {
      capacity *= 2;
    }
    address = new long[capacity];
    executed = new long[capacity];
    leaves = new long[capacity];
    used = new boolean[capacity];
    count = 0;
    int mask = capacity - 1;
    for (int i = 0; i < oldUsed.length; i++) {
      if (oldUsed[i] && oldLeaves[i] > now) {
        int slot = home(oldAddress[i], mask);
        while (used[slot]) {
          slot = (slot + 1) & mask;
        }
        used[slot] = true;
        address[slot] = oldAddress[i];
        executed[slot] = oldExecuted[i];
        leaves[slot] = oldLeaves[i];
        count++;
      }
    }
  }
}
