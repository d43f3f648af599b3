package org.bpsim.pipeline;

/**
 * How many instructions start executing in each upcoming cycle on a group of identical lanes: an
 * instruction ready at cycle t starts at the first cycle from t with a free lane. Cycles are kept
 * in a ring that slides forward with fetch; a start further ahead than the ring reaches is not
 * constrained (so long dependence chains cost no memory).
 */
final class LaneSchedule {
  private static final int HORIZON = 1 << 14;
  private static final int MASK = HORIZON - 1;

  private final int lanes;
  private final int[] busy = new int[HORIZON];
  private long base;

  LaneSchedule(int lanes) {
    this.lanes = lanes;
  }

  /** Books a lane at the first cycle from {@code ready} that has one free, and returns it. */
  long schedule(long ready) {
    long cycle = Math.max(ready, base);
    while (cycle - base < HORIZON) {
      int slot = (int) (cycle & MASK);
      if (busy[slot] < lanes) {
        busy[slot]++;
        return cycle;
      }
      cycle++;
    }
    return cycle;
  }

  /**
   * Books a lane here and one in {@code total} at the first cycle from {@code ready} where both
   * have one free (an instruction needs a lane of its class and a slot of the execute width).
   */
  long scheduleWith(LaneSchedule total, long ready) {
    long cycle = Math.max(ready, Math.max(base, total.base));
    while (cycle - base < HORIZON && cycle - total.base < HORIZON) {
      int slot = (int) (cycle & MASK);
      if (busy[slot] < lanes && total.busy[slot] < total.lanes) {
        busy[slot]++;
        total.busy[slot]++;
        return cycle;
      }
      cycle++;
    }
    return cycle;
  }

  /** Forgets the cycles before {@code cycle}: nothing will be scheduled there any more. */
  void advanceTo(long cycle) {
    if (cycle <= base) {
      return;
    }
    if (cycle - base >= HORIZON) {
      java.util.Arrays.fill(busy, 0);
    } else {
      for (long c = base; c < cycle; c++) {
        busy[(int) (c & MASK)] = 0;
      }
    }
    base = cycle;
  }
}
