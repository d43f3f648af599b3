package org.bpsim.pipeline;

/**
 * The instructions fetched but not yet retired, oldest first, as a ring of retire cycles. Retire
 * is in order and unlimited in width, so retire cycles never decrease along the window. Each
 * entry also keeps what made it late (a {@link Core} stall cause), to charge a full-window
 * stall to it. With a retire width, at most that many instructions retire in one cycle; the
 * rest retire in the following cycles, still in order.
 */
final class InstructionWindow {
  private final long[] retireCycle;
  private final int[] cause;
  private int head;
  private int size;
  /** Instructions retired per cycle at most; 0: no limit. */
  private final int retireWidth;
  /** The retire cycle of the youngest instruction added and how many retire in that cycle. */
  private long lastRetire = Long.MIN_VALUE;
  private int retiringInLast;

  InstructionWindow(int capacity) {
    this(capacity, 0);
  }

  InstructionWindow(int capacity, int retireWidth) {
    retireCycle = new long[capacity];
    cause = new int[capacity];
    this.retireWidth = retireWidth;
  }

  /**
   * The cycle an instruction that could retire at {@code earliest} (at or after the youngest
   * one's retire cycle) does retire: the next cycle when the retire width is used up in that one.
   */
  long retireSlot(long earliest) {
    if (retireWidth > 0 && earliest == lastRetire && retiringInLast >= retireWidth) {
      return earliest + 1;
    }
    return earliest;
  }

  /** Retires every instruction whose retire cycle is at or before {@code cycle}. */
  void retireUpTo(long cycle) {
    while (size > 0 && retireCycle[head] <= cycle) {
      head = head + 1 == retireCycle.length ? 0 : head + 1;
      size--;
    }
  }

  /** The youngest instruction's retire cycle (0 when empty). */
  long youngestRetire() {
    return size == 0 ? 0 : retireCycle[index(size - 1)];
  }

  int youngestCause() {
    return size == 0 ? 0 : cause[index(size - 1)];
  }

  void add(long retire, int why) {
    int slot = index(size);
    retireCycle[slot] = retire;
    cause[slot] = why;
    size++;
    if (retire == lastRetire) {
      retiringInLast++;
    } else {
      lastRetire = retire;
      retiringInLast = 1;
    }
  }

  boolean full() {
    return size == retireCycle.length;
  }

  long oldestRetire() {
    return retireCycle[head];
  }

  int oldestCause() {
    return cause[head];
  }

  private int index(int offset) {
    int i = head + offset;
    return i >= retireCycle.length ? i - retireCycle.length : i;
  }
}
