package org.bpsim.pipeline;

import java.util.Arrays;

/**
 * A circular return address stack: calls push, returns pop a prediction. When it overflows, the
 * oldest entries are overwritten, as in hardware (and as ChampSim's {@code return_stack}, a
 * deque that drops its front beyond its size).
 *
 * <p>A return goes to its call's fall-through address, the call's address plus the call's
 * length. Where the trace records instruction lengths (fixed-length ISAs), the caller pushes the
 * return address itself. x86 traces do not (ChampSim's records carry no length, and x86
 * instructions are 1 to 15 bytes), so the stack keeps the call's address and learns call
 * lengths as ChampSim's {@code basic_btb} does: {@code call_size_trackers}, 1024 entries indexed
 * by the low 10 bits of the call's address, each 4 at first; a return predicts the call's
 * address plus its tracker, and once the return's real target is known, a distance of at most 10
 * bytes between call and target is written into the tracker ({@code calibrate_call_size}).
 */
public final class ReturnAddressStack {
  /** ChampSim's {@code num_call_size_trackers}. */
  static final int CALL_SIZE_TRACKERS = 1024;
  /** ChampSim's first guess of a call's length. */
  private static final int DEFAULT_CALL_SIZE = 4;
  /** Longer distances are not taken for a call's length ({@code calibrate_call_size}). */
  private static final long MAX_LEARNED_CALL_SIZE = 10;

  /** A return address, or the call's own address when {@link #learned} is set. */
  private final long[] entries;
  private final boolean[] learned;
  private final long[] callSizeTrackers = new long[CALL_SIZE_TRACKERS];
  private int top;
  private int depth;
  /** Whether the entry {@link #pop} took last was a call whose length is learned. */
  private boolean poppedLearned;
  private long poppedCall;

  public ReturnAddressStack(int size) {
    this.entries = new long[size];
    this.learned = new boolean[size];
    Arrays.fill(callSizeTrackers, DEFAULT_CALL_SIZE);
  }

  /** Pushes a known return address (the trace gave the call's length). */
  public void push(long returnAddress) {
    top = (top + 1) % entries.length;
    entries[top] = returnAddress;
    learned[top] = false;
    depth = Math.min(depth + 1, entries.length);
  }

  /** Pushes a call whose length is unknown: the return address comes from the learned length. */
  public void pushCall(long callAddress) {
    push(callAddress);
    learned[top] = true;
  }

  /** The predicted return address, or -1 when the stack is empty; leaves it there. */
  public long peek() {
    if (depth == 0) {
      return -1;
    }
    long entry = entries[top];
    return learned[top] ? entry + callSizeTrackers[trackerOf(entry)] : entry;
  }

  /** The predicted return address, or -1 when the stack is empty; pops it. */
  public long pop() {
    poppedLearned = false;
    if (depth == 0) {
      return -1;
    }
    long entry = entries[top];
    boolean fromCall = learned[top];
    top = (top - 1 + entries.length) % entries.length;
    depth--;
    if (!fromCall) {
      return entry;
    }
    poppedLearned = true;
    poppedCall = entry;
    return entry + callSizeTrackers[trackerOf(entry)];
  }

  /**
   * Learns the length of the call whose entry the last {@link #pop} took from the return's real
   * {@code target} (nothing when that entry was a known return address or the stack was empty).
   */
  public void learn(long target) {
    if (!poppedLearned) {
      return;
    }
    poppedLearned = false;
    long call = poppedCall;
    long distance = Long.compareUnsigned(call, target) > 0 ? call - target : target - call;
    if (Long.compareUnsigned(distance, MAX_LEARNED_CALL_SIZE) <= 0) {
      callSizeTrackers[trackerOf(call)] = distance;
    }
  }

  private static int trackerOf(long callAddress) {
    return (int) (callAddress & (CALL_SIZE_TRACKERS - 1));
  }
}
