package org.bpsim.pipeline;

import org.bpsim.machine.MemoryConfig;

/**
 * Main memory shared by every core: each block moved occupies the channel for a fixed number of
 * cycles, so a request that finds it busy waits for the first free stretch (see
 * {@link MemoryChannel}); reads then take the fixed latency on top. With 0 cycles per block the
 * bandwidth is unlimited and nobody waits.
 */
public final class MainMemory {
  private final int latency;
  /** Null when the bandwidth is unlimited. */
  private final MemoryChannel channel;

  public MainMemory(MemoryConfig config) {
    this.latency = config.latency();
    this.channel = config.cyclesPerBlock() == 0 ? null
        : new MemoryChannel(config.cyclesPerBlock());
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
    if (channel == null) {
      return 0;
    }
    return channel.book(now) - now;
  }
}
