package org.bpsim.pipeline;

import org.bpsim.machine.MemoryConfig;

/**
 * Main memory shared by every core: each block moved occupies the channel for a fixed number of
 * cycles, so a request that arrives while it is busy waits for it; reads then take the fixed
 * latency on top.
 */
public final class MainMemory {
  private final int latency;
  private final int cyclesPerBlock;
  private long busyUntil;
  private long queueingCycles;

  public MainMemory(MemoryConfig config) {
    this.latency = config.latency();
    this.cyclesPerBlock = config.cyclesPerBlock();
  }

  /** A block read issued at cycle {@code now}: returns the cycles until its data arrives. */
  public long read(long now) {
    long wait = occupy(now);
    return wait + latency;
  }

  /** A block written back at cycle {@code now}: it only uses bandwidth. */
  public void write(long now) {
    occupy(now);
  }

  private long occupy(long now) {
    long start = Math.max(now, busyUntil);
    busyUntil = start + cyclesPerBlock;
    long wait = start - now;
    queueingCycles += wait;
    return wait;
  }

  public long queueingCycles() {
    return queueingCycles;
  }
}
