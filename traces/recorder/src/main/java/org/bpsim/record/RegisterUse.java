package org.bpsim.record;

import java.util.Arrays;

/**
 * The registers one instruction writes and reads, as a ChampSim record holds them: two
 * destinations and four sources, ChampSim's numbers ({@link X86Registers}), 0 where unused.
 *
 * @param destinations 2 registers written, most important first
 * @param sources 4 registers read, most important first
 * @param recognised false when the mnemonic was unknown and the registers are a guess (every
 *     register named read, the last register operand written)
 */
record RegisterUse(int[] destinations, int[] sources, boolean recognised) {
  static final int DESTINATIONS = 2;
  static final int SOURCES = 4;

  RegisterUse {
    if (destinations.length != DESTINATIONS || sources.length != SOURCES) {
      throw new IllegalArgumentException("2 destinations and 4 sources, not "
          + destinations.length + " and " + sources.length);
    }
  }

  /** Writes the six register bytes in a ChampSim record's order: destinations, then sources. */
  void copyTo(byte[] registers, int offset) {
    for (int i = 0; i < DESTINATIONS; i++) {
      registers[offset + i] = (byte) destinations[i];
    }
    for (int i = 0; i < SOURCES; i++) {
      registers[offset + DESTINATIONS + i] = (byte) sources[i];
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RegisterUse that && recognised == that.recognised
        && Arrays.equals(destinations, that.destinations) && Arrays.equals(sources, that.sources);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(destinations) + Arrays.hashCode(sources) + (recognised ? 1 : 0);
  }

  @Override
  public String toString() {
    return "writes " + Arrays.toString(destinations) + " reads " + Arrays.toString(sources)
        + (recognised ? "" : " (unrecognised)");
  }
}
