package org.bpsim.trace.cbp2;

/**
 * The return-address stack the CBP-2 kit's compressor keeps to predict return targets, so that
 * most returns are stored as one byte. The decoder must mirror it exactly, quirks included: a
 * push onto a full stack is dropped, a pop of an empty stack yields 0, and a flush empties it.
 */
final class ReturnStack {
  static final int DEPTH = 100;

  private final int[] entries = new int[DEPTH];
  private int size;

  void push(int returnAddress) {
    if (size < DEPTH) {
      entries[size++] = returnAddress;
    }
  }

  int pop() {
    return size == 0 ? 0 : entries[--size];
  }

  void flush() {
    size = 0;
  }
}
