package org.bpsim.predictor.hashedperceptron;

/**
 * The last {@code length} global history bits folded (XOR-ed in chunks) down to {@code width}
 * bits, updated in O(1) per outcome as in TAGE's compressed histories: shift the new bit in, take
 * out the bit that just left the window, and wrap the overflow bit around.
 */
final class FoldedHistory {
  private final int length;
  private final int width;
  private final int outPosition;
  private final int mask;
  private int value;

  FoldedHistory(int length, int width) {
    this.length = length;
    this.width = width;
    this.outPosition = width == 0 ? 0 : length % width;
    this.mask = (1 << width) - 1;
  }

  int length() {
    return length;
  }

  int value() {
    return value;
  }

  /** Adds the newest outcome; {@code leaving} is the outcome now {@code length} branches old. */
  void push(int newest, int leaving) {
    if (width == 0) {
      return;
    }
    int v = (value << 1) | newest;
    v ^= leaving << outPosition;
    v ^= v >>> width;
    value = v & mask;
  }
}
