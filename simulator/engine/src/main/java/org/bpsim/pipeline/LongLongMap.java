package org.bpsim.pipeline;

import java.util.Arrays;

/**
 * An open-addressing map from non-negative long keys to non-negative long values, without boxing:
 * the page table's maps, consulted on every page walk. Grows (allocating) only when a new page
 * or table slot is mapped, never on a lookup.
 */
final class LongLongMap {
  private long[] keys = new long[1 << 10];
  private long[] values = new long[1 << 10];
  private int size;

  LongLongMap() {
    Arrays.fill(keys, -1);
  }

  /** The value of {@code key}, or -1 if it has none. */
  long get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return values[i];
      }
      if (keys[i] < 0) {
        return -1;
      }
    }
  }

  void put(long key, long value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (keys[i] >= 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] < 0) {
      size++;
    }
    keys[i] = key;
    values[i] = value;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new long[oldKeys.length * 2];
    Arrays.fill(keys, -1);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] >= 0) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
