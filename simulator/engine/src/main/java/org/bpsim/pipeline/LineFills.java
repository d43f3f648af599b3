package org.bpsim.pipeline;

/**
 * When recently missed data lines arrive: an access that hits a line still being filled waits
 * for the fill (as the CBP-2025 kit's per-block timestamps do) instead of hitting at once. A
 * direct-mapped table of recent fills, allocation-free; a forgotten fill has arrived long ago.
 */
final class LineFills {
  private static final int SIZE = 1 << 10;
  private static final int MASK = SIZE - 1;

  private final long[] line = new long[SIZE];
  private final long[] ready = new long[SIZE];

  LineFills() {
    java.util.Arrays.fill(line, -1);
  }

  void record(long lineAddress, long readyCycle) {
    int slot = (int) lineAddress & MASK;
    line[slot] = lineAddress;
    ready[slot] = readyCycle;
  }

  /** The cycle the line's data arrives, or 0 if no fill of it is remembered. */
  long readyCycle(long lineAddress) {
    int slot = (int) lineAddress & MASK;
    return line[slot] == lineAddress ? ready[slot] : 0;
  }
}
