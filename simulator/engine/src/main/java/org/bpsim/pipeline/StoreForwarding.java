package org.bpsim.pipeline;

/**
 * The store queue's part in load timing: a load to a word that a store in flight has written
 * takes the data from that store instead of the cache (with oracle disambiguation, as in the
 * CBP-2025 kit). Kept as a direct-mapped table of recent stores by 8-byte word, so it is
 * allocation-free; a store pushed out by another word's store is simply forgotten, and only the
 * load's first word is checked.
 */
final class StoreForwarding {
  private static final int SIZE = 1 << 12;
  private static final int MASK = SIZE - 1;

  private final long[] word = new long[SIZE];
  private final long[] written = new long[SIZE];
  private final long[] released = new long[SIZE];

  StoreForwarding() {
    java.util.Arrays.fill(word, -1);
  }

  /**
   * A store of the word holding {@code address} whose data is ready at {@code dataReady}, and
   * that leaves the queue (retired and written to the cache) at {@code leaves}.
   */
  void record(long address, long dataReady, long leaves) {
    long w = address >>> 3;
    int slot = slot(w);
    word[slot] = w;
    written[slot] = dataReady;
    released[slot] = leaves;
  }

  /**
   * When a load of {@code address} that searches the queue at {@code searched} gets its data
   * from a store still in the queue, or -1 if no store forwards to it.
   */
  long forward(long address, long searched) {
    long w = address >>> 3;
    int slot = slot(w);
    if (word[slot] != w || searched >= released[slot]) {
      return -1;
    }
    return written[slot];
  }

  private static int slot(long w) {
    return (int) (w ^ (w >>> 12)) & MASK;
  }
}
