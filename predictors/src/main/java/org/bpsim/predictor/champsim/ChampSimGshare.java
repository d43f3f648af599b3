package org.bpsim.predictor.champsim;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;

/**
 * ChampSim's {@code gshare}: 16384 two-bit counters (0 at first) indexed by {@code
 * gs_table_hash}: the 14-bit global history XOR three 14-bit slices of the ip (bits 0-13,
 * 14-27, 28-41), modulo 16384; taken when a counter is at least 1. Every branch, of any kind,
 * trains its counter and then shifts its outcome into the history.
 */
public final class ChampSimGshare implements BranchPredictor {
  static final int GLOBAL_HISTORY_LENGTH = 14;
  static final int TABLE_SIZE = 16384;
  private static final int MASK = TABLE_SIZE - 1;
  private static final int MAXIMUM = 3;

  private final byte[] table = new byte[TABLE_SIZE];
  /** {@code branch_history_vector}: bit 0 the latest outcome. */
  private int history;

  private int gsTableHash(long ip) {
    long hash = history;
    hash ^= ip & MASK;
    hash ^= (ip >>> GLOBAL_HISTORY_LENGTH) & MASK;
    hash ^= (ip >>> (2 * GLOBAL_HISTORY_LENGTH)) & MASK;
    return (int) (hash & MASK);
  }

  @Override
  public boolean predict(long pc) {
    return table[gsTableHash(pc)] >= MAXIMUM / 2;
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    int i = gsTableHash(pc);
    table[i] = (byte) (taken ? Math.min(MAXIMUM, table[i] + 1) : Math.max(0, table[i] - 1));
    history = ((history << 1) | (taken ? 1 : 0)) & ((1 << GLOBAL_HISTORY_LENGTH) - 1);
  }

  @Override
  public boolean predictsEveryInstruction() {
    return true;
  }

  /** 16384 × 2 counter bits and the 14 history bits. */
  @Override
  public long storageBits() {
    return TABLE_SIZE * 2L + GLOBAL_HISTORY_LENGTH;
  }
}
