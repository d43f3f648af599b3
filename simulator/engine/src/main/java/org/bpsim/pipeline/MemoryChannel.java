package org.bpsim.pipeline;

/**
 * The calendar of the memory channel: the cycles in which it is busy moving a block. Requests
 * reach it out of time order (a dataflow core issues a load when its address is ready, not in
 * program order, and cores are advanced in turns), so a request takes the first free stretch at
 * or after its own cycle, possibly before stretches booked earlier, rather than queueing behind
 * the last booking. For requests in time order that is exactly a FIFO queue.
 *
 * <p>One bit per cycle, for the {@value #WINDOW} cycles below the frontier (the end of the latest
 * booking); a request older than that window is taken as arriving at its start.
 */
final class MemoryChannel {
  static final long WINDOW = 1L << 18;
  private static final long MASK = WINDOW - 1;

  private final long[] busy = new long[(int) (WINDOW >>> 6)];
  private final int blockCycles;
  /** One past the last booked cycle: every cycle from here on is free, whatever its stale bit. */
  private long frontier;

  MemoryChannel(int blockCycles) {
    if (blockCycles < 1) {
      throw new IllegalArgumentException("a block takes at least one cycle: " + blockCycles);
    }
    this.blockCycles = blockCycles;
  }

  /** Books the first {@code blockCycles} free consecutive cycles from {@code now}; their start. */
  long book(long now) {
    long t = Math.max(now, frontier - WINDOW);
    while (t < frontier) {
      t = scan(t, frontier, false);
      long end = Math.min(t + blockCycles, frontier);
      long taken = scan(t, end, true);
      if (taken == end) {
        break;
      }
      t = taken;
    }
    long end = t + blockCycles;
    if (end > frontier) {
      // the cycles past the frontier reuse the bits of cycles a window older: forget those
      for (long c = Math.max(frontier, end - WINDOW); c < end; c++) {
        set(c, false);
      }
      frontier = end;
    }
    for (long c = t; c < end; c++) {
      set(c, true);
    }
    return t;
  }

  /** The first cycle in [from, limit) whose bit is {@code wantBusy}, else limit. */
  private long scan(long from, long limit, boolean wantBusy) {
    long c = from;
    while (c < limit) {
      int i = (int) (c & MASK);
      long word = wantBusy ? busy[i >>> 6] : ~busy[i >>> 6];
      word >>>= i & 63;
      if (word != 0) {
        return Math.min(c + Long.numberOfTrailingZeros(word), limit);
      }
      c += 64 - (i & 63);
    }
    return limit;
  }

  private void set(long cycle, boolean value) {
    int i = (int) (cycle & MASK);
    if (value) {
      busy[i >>> 6] |= 1L << i;
    } else {
      busy[i >>> 6] &= ~(1L << i);
    }
  }
}
