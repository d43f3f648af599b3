package org.bpsim.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bpsim.predictor.spi.BranchKind;

/**
 * Seeded random branch streams shaped like real ones: a pool of static branches that recur, each
 * with its kind and usual target, some fresh addresses anywhere in the 64-bit space, and mostly
 * short gaps between branches with an occasional long one.
 */
public final class RandomBranches {
  private RandomBranches() {
  }

  /**
   * A stream of 1 to {@code maxBranches} branches with kinds drawn from {@code kinds}, positions
   * strictly increasing from at least 1.
   */
  public static List<BranchRecord> stream(SplittableRandom random, int maxBranches,
      List<BranchKind> kinds) {
    int count = 1 + random.nextInt(maxBranches);
    int poolSize = 1 + random.nextInt(40);
    long[] poolPc = new long[poolSize];
    long[] poolTarget = new long[poolSize];
    BranchKind[] poolKind = new BranchKind[poolSize];
    for (int i = 0; i < poolSize; i++) {
      poolPc[i] = address(random);
      poolTarget[i] = address(random);
      poolKind[i] = kinds.get(random.nextInt(kinds.size()));
    }
    double takenBias = random.nextDouble();
    List<BranchRecord> branches = new ArrayList<>(count);
    long position = 0;
    for (int i = 0; i < count; i++) {
      position += random.nextInt(10) == 0 ? 1 + random.nextInt(2000) : 1 + random.nextInt(6);
      long pc;
      long target;
      BranchKind kind;
      if (random.nextInt(8) == 0) {
        pc = address(random);
        target = address(random);
        kind = kinds.get(random.nextInt(kinds.size()));
      } else {
        int s = random.nextInt(poolSize);
        pc = poolPc[s];
        target = random.nextInt(16) == 0 ? address(random) : poolTarget[s];
        kind = poolKind[s];
      }
      boolean taken = !(kind.isConditional() || kind == BranchKind.OTHER)
          || random.nextDouble() < takenBias;
      branches.add(BranchRecord.of(pc, target, kind, taken, position));
    }
    return branches;
  }

  /** Mostly code-like addresses, sometimes any 64-bit value (hex parsers must take them all). */
  private static long address(SplittableRandom random) {
    switch (random.nextInt(4)) {
      case 0:
        return random.nextLong();
      case 1:
        return random.nextLong(1L << 16);
      default:
        return 0x400000L + 4 * random.nextLong(1L << 20);
    }
  }
}
