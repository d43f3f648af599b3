package org.bpsim.pipeline;

/**
 * A set-associative branch target buffer with LRU replacement: taken branches leave their target
 * under their pc; the front end finds a taken branch's target there or not at all.
 */
public final class BranchTargetBuffer {
  private final int sets;
  private final int ways;
  private final long[] pcs;
  private final long[] targets;
  private final long[] lastUse;
  private long clock;

  public BranchTargetBuffer(int sets, int ways) {
    this.sets = sets;
    this.ways = ways;
    this.pcs = new long[sets * ways];
    this.targets = new long[sets * ways];
    this.lastUse = new long[sets * ways];
    java.util.Arrays.fill(pcs, -1L);
  }

  private int setOf(long pc) {
    // Instructions are at least 2-byte aligned; the low bit carries no information.
    return (int) Long.remainderUnsigned(pc >>> 1, sets);
  }

  /** The recorded target of the branch at {@code pc}, or -1 when the buffer has none. */
  public long lookup(long pc) {
    int base = setOf(pc) * ways;
    for (int way = 0; way < ways; way++) {
      if (pcs[base + way] == pc) {
        lastUse[base + way] = ++clock;
        return targets[base + way];
      }
    }
    return -1;
  }

  /** Records that the branch at {@code pc} went to {@code target}. */
  public void update(long pc, long target) {
    int base = setOf(pc) * ways;
    int victim = 0;
    for (int way = 0; way < ways; way++) {
      if (pcs[base + way] == pc) {
        targets[base + way] = target;
        lastUse[base + way] = ++clock;
        return;
      }
      if (lastUse[base + way] < lastUse[base + victim]) {
        victim = way;
      }
    }
    pcs[base + victim] = pc;
    targets[base + victim] = target;
    lastUse[base + victim] = ++clock;
  }
}
