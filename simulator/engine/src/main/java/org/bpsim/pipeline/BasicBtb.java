package org.bpsim.pipeline;

import org.bpsim.predictor.spi.BranchKind;

/**
 * ChampSim's {@code basic_btb} (github ChampSim/ChampSim, {@code btb/basic_btb/}, commit
 * 2ff25011), the BTB of a machine with {@code "btb": "basic_btb"}. Three parts:
 *
 * <ul>
 *   <li>{@code direct_predictor}: an LRU table of 1024 sets × 8 ways whose index and tag are
 *       both {@code ip >> 2} (set {@code (ip >> 2) mod 1024}), each entry a target and a type
 *       ({@code INDIRECT}, {@code RETURN}, {@code ALWAYS_TAKEN}, {@code CONDITIONAL}); a lookup
 *       that hits makes the entry most recently used;
 *   <li>{@code indirect_predictor}: 4096 targets indexed by {@code (ip >> 2) XOR h}, {@code h}
 *       the last 12 conditional-branch outcomes;
 *   <li>{@code return_stack}: 64 call addresses with ChampSim's call-length trackers ({@link
 *       ReturnAddressStack}).
 * </ul>
 *
 * {@link #predict} is {@code btb_prediction}: ChampSim calls it for every instruction at fetch,
 * branch or not, so a non-branch whose {@code ip >> 2} matches a branch's entry refreshes that
 * entry's LRU age too. It leaves the predicted target ({@code 0}: none) and {@code always_taken},
 * which ChampSim ORs into the predicted direction. {@link #update} is {@code update_btb}, called
 * for every branch right after its prediction.
 */
final class BasicBtb {
  static final int SETS = 1024;
  static final int WAYS = 8;
  static final int INDIRECT_ENTRIES = 4096;
  static final int RAS_ENTRIES = 64;

  /** {@code direct_predictor::branch_info}, in ChampSim's order. */
  private static final byte INDIRECT = 0;
  private static final byte RETURN = 1;
  private static final byte ALWAYS_TAKEN = 2;
  private static final byte CONDITIONAL = 3;

  private final long[] tags = new long[SETS * WAYS];
  private final long[] targets = new long[SETS * WAYS];
  private final byte[] types = new byte[SETS * WAYS];
  /** {@code lru_table}'s {@code last_used}: 0 marks an invalid way. */
  private final long[] lastUsed = new long[SETS * WAYS];
  private long accessCount;

  private final long[] indirect = new long[INDIRECT_ENTRIES];
  /** {@code indirect_predictor::conditional_history}, 12 bits. */
  private int conditionalHistory;

  private final ReturnAddressStack ras = new ReturnAddressStack(RAS_ENTRIES);

  private long predictedTarget;
  private boolean alwaysTaken;

  /** {@code btb_prediction(ip)}: see {@link #predictedTarget()} and {@link #alwaysTaken()}. */
  void predict(long ip) {
    int way = checkHit(ip);
    if (way < 0) {
      predictedTarget = 0;
      alwaysTaken = false;
      return;
    }
    byte type = types[way];
    if (type == RETURN) {
      // return_stack::prediction: the top call plus its learned length; empty: no target.
      long top = ras.peek();
      predictedTarget = top == -1 ? 0 : top;
      alwaysTaken = true;
    } else if (type == INDIRECT) {
      predictedTarget = indirect[indirectIndex(ip)];
      alwaysTaken = true;
    } else {
      predictedTarget = targets[way];
      alwaysTaken = type != CONDITIONAL;
    }
  }

  /** The target {@link #predict} found, 0 when none. */
  long predictedTarget() {
    return predictedTarget;
  }

  /** Whether the entry {@link #predict} found says the branch is always taken. */
  boolean alwaysTaken() {
    return alwaysTaken;
  }

  /**
   * {@code update_btb(ip, branch_target, taken, branch_type)}: {@code target} is 0 for a branch
   * not taken, as in ChampSim.
   */
  void update(long ip, long target, boolean taken, BranchKind kind) {
    if (kind.isCall()) {
      ras.pushCall(ip);
    }
    if (kind == BranchKind.INDIRECT_JUMP || kind == BranchKind.INDIRECT_CALL) {
      indirect[indirectIndex(ip)] = target;
    }
    if (kind == BranchKind.CONDITIONAL) {
      conditionalHistory = ((conditionalHistory << 1) | (taken ? 1 : 0)) & (INDIRECT_ENTRIES - 1);
    }
    if (kind == BranchKind.RETURN) {
      // calibrate_call_size: pops the call and learns its length from the real target.
      ras.pop();
      ras.learn(target);
    }
    directUpdate(ip, target, kind);
  }

  /** {@code direct_predictor::update}. */
  private void directUpdate(long ip, long target, BranchKind kind) {
    byte type = switch (kind) {
      case INDIRECT_JUMP, INDIRECT_CALL -> INDIRECT;
      case RETURN -> RETURN;
      case CONDITIONAL -> CONDITIONAL;
      default -> ALWAYS_TAKEN;
    };
    // ChampSim's check_hit returns a copy: the hit refreshes the entry's age, but its new type
    // and target are only stored by the fill, which happens only when there is a target.
    int way = checkHit(ip);
    if (target == 0) {
      return;
    }
    if (way < 0) {
      way = victim(ip);
      tags[way] = ip >>> 2;
    }
    targets[way] = target;
    types[way] = type;
    lastUsed[way] = ++accessCount;
  }

  /** {@code lru_table::check_hit}: the way holding {@code ip}'s tag, made most recent; or -1. */
  private int checkHit(long ip) {
    long tag = ip >>> 2;
    int base = setBase(tag);
    for (int way = base; way < base + WAYS; way++) {
      if (lastUsed[way] > 0 && tags[way] == tag) {
        lastUsed[way] = ++accessCount;
        return way;
      }
    }
    return -1;
  }

  /** {@code lru_table::fill}'s victim when the tag is absent: an invalid way, else the LRU. */
  private int victim(long ip) {
    int base = setBase(ip >>> 2);
    int victim = base;
    for (int way = base; way < base + WAYS; way++) {
      if (lastUsed[way] == 0) {
        return way;
      }
      if (lastUsed[way] < lastUsed[victim]) {
        victim = way;
      }
    }
    return victim;
  }

  private static int setBase(long tag) {
    return (int) (tag & (SETS - 1)) * WAYS;
  }

  private int indirectIndex(long ip) {
    return (int) (((ip >>> 2) ^ conditionalHistory) & (INDIRECT_ENTRIES - 1));
  }
}
