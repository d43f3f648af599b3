package org.bpsim.pipeline;

/**
 * The instructions fetched but not yet retired, oldest first, as a ring of retire cycles. Retire
 * is in order and unlimited in width, so retire cycles never decrease along the window. Each
 * entry also keeps what made it late (a {@link Core} stall cause), to charge a full-window
 * stall to it.
 */
final class InstructionWindow {
  private final long[] retireCycle;
  private final int[] cause;
  private int head;
  private int size;

  InstructionWindow(int capacity) {
    retireCycle = new long[capacity];
    cause = new int[capacity];
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
