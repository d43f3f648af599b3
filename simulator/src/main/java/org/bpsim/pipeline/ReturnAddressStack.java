package org.bpsim.pipeline;

/**
 * A circular return address stack: calls push their return address, returns pop a prediction.
 * When it overflows, the oldest entries are overwritten, as in hardware.
 */
public final class ReturnAddressStack {
  private final long[] entries;
  private int top;
  private int depth;

  public ReturnAddressStack(int size) {
    this.entries = new long[size];
  }

  public void push(long returnAddress) {
    top = (top + 1) % entries.length;
    entries[top] = returnAddress;
    depth = Math.min(depth + 1, entries.length);
  }

  /** The predicted return address, or -1 when the stack is empty. */
  public long pop() {
    if (depth == 0) {
      return -1;
    }
    long predicted = entries[top];
    top = (top - 1 + entries.length) % entries.length;
    depth--;
    return predicted;
  }
}
