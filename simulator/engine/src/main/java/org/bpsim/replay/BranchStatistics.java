package org.bpsim.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bpsim.trace.BranchBatch;

/**
 * Per static conditional branch of one trace: executions, taken count and each predictor's
 * mispredictions, in primitive open-addressing tables (a trace has millions of dynamic branches;
 * a boxed map entry per branch would dominate the replay).
 *
 * <p>A replay first {@linkplain #record(BranchBatch, int, int) records} a batch, which maps each
 * counted conditional branch to its slot, then each predictor's pass
 * {@linkplain #mispredicted(int, int) counts} its misses by slot. The table never grows in
 * between, so the slots stay valid for the whole batch.
 */
public final class BranchStatistics {
  private static final byte CONDITIONAL = org.bpsim.predictor.spi.BranchKind.CONDITIONAL.code();

  private final int predictors;
  private long[] pcs;
  private boolean[] used;
  private long[] executions;
  private long[] taken;
  /** {@code mispredictions[slot * predictors + p]}. */
  private long[] mispredictions;
  private int size;
  private int[] batchSlots = new int[0];

  public BranchStatistics(int predictors) {
    if (predictors <= 0) {
      throw new IllegalArgumentException("need at least one predictor");
    }
    this.predictors = predictors;
    allocate(1024);
  }

  /**
   * Counts the conditional branches among entries {@code [start, stop)} and returns, per entry
   * of the batch, its slot, or -1 for entries that are not counted conditional branches.
   */
  public int[] record(BranchBatch batch, int start, int stop) {
    ensureRoom(stop - start);
    if (batchSlots.length < batch.capacity()) {
      batchSlots = new int[batch.capacity()];
    }
    int[] slots = batchSlots;
    Arrays.fill(slots, 0, stop, -1);
    long[] pc = batch.pc;
    byte[] kind = batch.kind;
    boolean[] outcome = batch.taken;
    for (int i = start; i < stop; i++) {
      if (kind[i] == CONDITIONAL) {
        int slot = slotOf(pc[i]);
        slots[i] = slot;
        executions[slot]++;
        if (outcome[i]) {
          taken[slot]++;
        }
      }
    }
    return slots;
  }

  void mispredicted(int slot, int predictor) {
    mispredictions[slot * predictors + predictor]++;
  }

  /** How many predictors' mispredictions are counted per branch. */
  public int predictors() {
    return predictors;
  }

  /** Distinct conditional branch addresses seen. */
  public int staticBranches() {
    return size;
  }

  /**
   * The {@code limit} branches with the most mispredictions under predictor {@code baseline},
   * ties broken by address so that the list is the same on every run. Branches the baseline never
   * mispredicted are left out.
   */
  public TraceHardestBranches hardest(String trace, List<String> predictorNames, int baseline,
      int limit) {
    if (predictorNames.size() != predictors) {
      throw new IllegalArgumentException("expected " + predictors + " predictor names");
    }
    int candidates = 0;
    int[] slotsOfKeys = new int[size];
    for (int slot = 0; slot < used.length; slot++) {
      if (used[slot] && mispredictions[slot * predictors + baseline] > 0) {
        slotsOfKeys[candidates++] = slot;
      }
    }
    Integer[] order = new Integer[candidates];
    for (int i = 0; i < candidates; i++) {
      order[i] = slotsOfKeys[i];
    }
    Arrays.sort(order, (a, b) -> {
      int byMisses = Long.compare(mispredictions[b * predictors + baseline],
          mispredictions[a * predictors + baseline]);
      return byMisses != 0 ? byMisses : Long.compareUnsigned(pcs[a], pcs[b]);
    });
    List<HardBranch> top = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, candidates); i++) {
      int slot = order[i];
      List<Long> misses = new ArrayList<>(predictors);
      for (int p = 0; p < predictors; p++) {
        misses.add(mispredictions[slot * predictors + p]);
      }
      top.add(new HardBranch(pcs[slot], executions[slot], taken[slot], misses));
    }
    return new TraceHardestBranches(trace, predictorNames, predictorNames.get(baseline), size,
        top);
  }

  private int slotOf(long pc) {
    int mask = pcs.length - 1;
    int i = (int) mix(pc) & mask;
    while (used[i]) {
      if (pcs[i] == pc) {
        return i;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    pcs[i] = pc;
    size++;
    return i;
  }

  /** Keeps the load at most one half even if every branch of the coming batch is new. */
  private void ensureRoom(int coming) {
    if ((long) (size + coming) * 2 <= pcs.length) {
      return;
    }
    int capacity = pcs.length;
    while ((long) (size + coming) * 2 > capacity) {
      capacity *= 2;
    }
    long[] oldPcs = pcs;
    boolean[] oldUsed = used;
    long[] oldExecutions = executions;
    long[] oldTaken = taken;
    long[] oldMisses = mispredictions;
    allocate(capacity);
    for (int old = 0; old < oldPcs.length; old++) {
      if (oldUsed[old]) {
        int slot = slotOf(oldPcs[old]);
        executions[slot] = oldExecutions[old];
        taken[slot] = oldTaken[old];
        System.arraycopy(oldMisses, old * predictors, mispredictions, slot * predictors,
            predictors);
      }
    }
  }

  private void allocate(int capacity) {
    pcs = new long[capacity];
    used = new boolean[capacity];
    executions = new long[capacity];
    taken = new long[capacity];
    mispredictions = new long[capacity * predictors];
    size = 0;
  }

  private static long mix(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }
}
