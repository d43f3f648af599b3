package org.bpsim.trace;

import org.bpsim.predictor.spi.BranchKind;

/**
 * A reusable block of decoded branches in primitive arrays, so that replay allocates nothing per
 * branch. Readers fill it from index 0; consumers read entries {@code 0..size()-1}.
 *
 * <p>{@code position[i]} is the number of instructions from the start of the trace up to and
 * including branch {@code i}; the instructions since the previous branch are the difference.
 * Formats without instruction counts use the branch number instead (see
 * {@link TraceReader#hasInstructionCounts()}).
 */
public final class BranchBatch {
  public static final int DEFAULT_CAPACITY = 8192;

  public final long[] pc;
  public final long[] target;
  public final byte[] kind;
  public final boolean[] taken;
  public final long[] position;
  private int size;

  public BranchBatch() {
    this(DEFAULT_CAPACITY);
  }

  public BranchBatch(int capacity) {
    pc = new long[capacity];
    target = new long[capacity];
    kind = new byte[capacity];
    taken = new boolean[capacity];
    position = new long[capacity];
  }

  public int capacity() {
    return pc.length;
  }

  public int size() {
    return size;
  }

  public boolean isFull() {
    return size == pc.length;
  }

  public void clear() {
    size = 0;
  }

  /**
   * Declares that entries {@code [0, size)} have been written straight into the arrays (decoders
   * that fill the arrays in place use this instead of {@link #add}).
   */
  public void setSize(int size) {
    if (size < 0 || size > pc.length) {
      throw new IllegalArgumentException("size " + size + " outside 0.." + pc.length);
    }
    this.size = size;
  }

  /** Appends one branch; the caller checks {@link #isFull()} first. */
  public void add(long pc, long target, BranchKind kind, boolean taken, long position) {
    int i = size++;
    this.pc[i] = pc;
    this.target[i] = target;
    this.kind[i] = kind.code();
    this.taken[i] = taken;
    this.position[i] = position;
  }

  public BranchKind kindAt(int i) {
    return BranchKind.ofCode(kind[i]);
  }

  /** Copies entry {@code i} out as a value, for tests and tools (allocates). */
  public BranchRecord recordAt(int i) {
    long previous = i == 0 ? -1 : position[i - 1];
    return new BranchRecord(pc[i], target[i], kindAt(i), taken[i], position[i], previous);
  }
}
