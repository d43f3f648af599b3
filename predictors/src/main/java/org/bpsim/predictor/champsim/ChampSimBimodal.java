package org.bpsim.predictor.champsim;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;

/**
 * ChampSim's {@code bimodal}: 16384 two-bit counters ({@code fwcounter<2>}, 0 at first) indexed
 * by {@code ip mod 16381} (a prime, so the last three counters are never used); taken when a
 * counter is above 1. Every branch, of any kind, trains its counter.
 */
public final class ChampSimBimodal implements BranchPredictor {
  static final int TABLE_SIZE = 16384;
  static final int PRIME = 16381;
  private static final int MAXIMUM = 3;

  private final byte[] table = new byte[TABLE_SIZE];

  private static int hash(long ip) {
    return (int) Long.remainderUnsigned(ip, PRIME);
  }

  @Override
  public boolean predict(long pc) {
    return table[hash(pc)] > MAXIMUM / 2;
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    int i = hash(pc);
    table[i] = (byte) (taken ? Math.min(MAXIMUM, table[i] + 1) : Math.max(0, table[i] - 1));
  }

  @Override
  public boolean predictsEveryInstruction() {
    return true;
  }

  /** The table as ChampSim allocates it: 16384 × 2 bits. */
  @Override
  public long storageBits() {
    return TABLE_SIZE * 2L;
  }
}
