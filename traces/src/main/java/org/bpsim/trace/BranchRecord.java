package org.bpsim.trace;

import org.bpsim.predictor.spi.BranchKind;

/**
 * One dynamic branch as a value: where it is, where it went, what kind it is, whether it was
 * taken, and its instruction position in the trace (counting the branch itself). Replay uses
 * {@link BranchBatch}; this type is for tools, tests and writers.
 *
 * @param previousPosition position of the branch before it within the same batch, or -1 if unknown
 */
public record BranchRecord(long pc, long target, BranchKind kind, boolean taken, long position,
    long previousPosition) {

  public BranchRecord {
    // OTHER (ChampSim's BRANCH_OTHER) carries its own taken flag, like a conditional branch.
    if (!kind.isConditional() && kind != BranchKind.OTHER && !taken) {
      throw new IllegalArgumentException("an unconditional branch is always taken");
    }
  }

  /** A record without knowledge of its predecessor. */
  public static BranchRecord of(long pc, long target, BranchKind kind, boolean taken,
      long position) {
    return new BranchRecord(pc, target, kind, taken, position, -1);
  }
}
