package org.bpsim.machine;

/**
 * Main memory: a fixed access latency and a bandwidth limit, as the cycles the memory channel is
 * busy per block moved; requests arriving while it is busy wait their turn.
 */
public record MemoryConfig(int latency, int cyclesPerBlock) {
  public MemoryConfig {
    if (latency < 0) {
      throw new IllegalArgumentException("memory.latency must be >= 0, not " + latency);
    }
    if (cyclesPerBlock < 0) {
      throw new IllegalArgumentException("memory.cycles_per_block must be >= 0, not "
          + cyclesPerBlock);
    }
  }
}
