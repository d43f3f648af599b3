package org.bpsim.pipeline;

/**
 * Lane bookings per cycle exactly as the CBP-2025 kit keeps them ({@code lib/resource_schedule.cc}):
 * a table of counts indexed by {@code cycle & (depth - 1)}, whose depth grows in steps of 256
 * cycles whenever a booking lies further than {@code depth} cycles past the base cycle. The depth
 * need not be a power of two, so cycles can share a count; the kit's schedules, and so its
 * timing, include that sharing, which is why it is kept here as it is.
 */
final class KitLaneSchedule {
  private static final int DEPTH_STEP = 256;

  private final int lanes;
  private int[] booked = new int[DEPTH_STEP];
  private long base;

  KitLaneSchedule(int lanes) {
    this.lanes = lanes;
  }

  private int slot(long cycle) {
    return (int) (cycle & (booked.length - 1));
  }

  private void reach(long cycle) {
    long needed = cycle - base + 1;
    if (needed > booked.length) {
      long depth = (needed + DEPTH_STEP - 1) / DEPTH_STEP * DEPTH_STEP;
      int[] grown = new int[Math.toIntExact(depth)];
      System.arraycopy(booked, 0, grown, 0, booked.length);
      booked = grown;
    }
  }

  /** Books a lane at the first cycle from {@code ready} with one free, and returns it. */
  long schedule(long ready) {
    long cycle = Math.max(ready, base);
    while (true) {
      reach(cycle);
      int s = slot(cycle);
      if (booked[s] < lanes) {
        booked[s]++;
        return cycle;
      }
      cycle++;
    }
  }

  /** Books a lane at exactly {@code cycle} if one is free there (a prefetch's try). */
  boolean bookAt(long cycle) {
    reach(cycle);
    int s = slot(cycle);
    if (booked[s] < lanes) {
      booked[s]++;
      return true;
    }
    return false;
  }

  /** Clears the counts of the cycles before {@code cycle}, as the kit's base advance does. */
  void advanceTo(long cycle) {
    if (cycle - base >= booked.length) {
      // Every slot the mask can reach is among those cleared.
      java.util.Arrays.fill(booked, 0);
    } else {
      for (long c = base; c < cycle; c++) {
        booked[slot(c)] = 0;
      }
    }
    base = Math.max(base, cycle);
  }
}
