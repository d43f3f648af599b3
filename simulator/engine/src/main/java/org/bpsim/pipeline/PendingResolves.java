package org.bpsim.pipeline;

/**
 * Conditional branches predicted at fetch whose execute-time training is still to come, kept as
 * a binary min-heap on (execute cycle, fetch sequence number) in parallel primitive arrays, so
 * that they come out in the order the CBP-2025 kit resolves them: cycle by cycle, and within a
 * cycle in fetch order. The arrays grow by doubling when needed (a window's worth is enough in
 * practice), so the steady state allocates nothing.
 */
final class PendingResolves {
  private long[] executeCycle;
  private long[] seqNo;
  private long[] pc;
  private long[] nextPc;
  private boolean[] taken;
  private boolean[] predicted;
  private int size;

  PendingResolves(int initialCapacity) {
    int capacity = Math.max(16, initialCapacity);
    executeCycle = new long[capacity];
    seqNo = new long[capacity];
    pc = new long[capacity];
    nextPc = new long[capacity];
    taken = new boolean[capacity];
    predicted = new boolean[capacity];
  }

  int size() {
    return size;
  }

  /** Whether the oldest-by-execute branch executes at or before {@code cycle}. */
  boolean dueBy(long cycle) {
    return size > 0 && executeCycle[0] <= cycle;
  }

  void add(long atCycle, long seq, long branchPc, boolean wasTaken, boolean wasPredicted,
      long next) {
    if (size == executeCycle.length) {
      grow();
    }
    int i = size++;
    // Sift up: move parents that come later down into the hole.
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(atCycle, seq, executeCycle[parent], seqNo[parent])) {
        break;
      }
      copy(parent, i);
      i = parent;
    }
    set(i, atCycle, seq, branchPc, wasTaken, wasPredicted, next);
  }

  // The head's fields, read before removeHead().

  long headSeqNo() {
    return seqNo[0];
  }

  long headPc() {
    return pc[0];
  }

  long headNextPc() {
    return nextPc[0];
  }

  boolean headTaken() {
    return taken[0];
  }

  boolean headPredicted() {
    return predicted[0];
  }

  long headExecuteCycle() {
    return executeCycle[0];
  }

  void removeHead() {
    int last = --size;
    if (last == 0) {
      return;
    }
    long cycle = executeCycle[last];
    long seq = seqNo[last];
    int i = 0;
    // Sift down the last entry from the root.
    while (true) {
      int child = 2 * i + 1;
      if (child >= last) {
        break;
      }
      int right = child + 1;
      if (right < last && before(executeCycle[right], seqNo[right], executeCycle[child],
          seqNo[child])) {
        child = right;
      }
      if (!before(executeCycle[child], seqNo[child], cycle, seq)) {
        break;
      }
      copy(child, i);
      i = child;
    }
    copy(last, i);
  }

  private static boolean before(long cycleA, long seqA, long cycleB, long seqB) {
    return cycleA < cycleB || (cycleA == cycleB && seqA < seqB);
  }

  private void copy(int from, int to) {
    set(to, executeCycle[from], seqNo[from], pc[from], taken[from], predicted[from],
        nextPc[from]);
  }

  private void set(int i, long atCycle, long seq, long branchPc, boolean wasTaken,
      boolean wasPredicted, long next) {
    executeCycle[i] = atCycle;
    seqNo[i] = seq;
    pc[i] = branchPc;
    taken[i] = wasTaken;
    predicted[i] = wasPredicted;
    nextPc[i] = next;
  }

  private void grow() {
    int capacity = executeCycle.length * 2;
    executeCycle = java.util.Arrays.copyOf(executeCycle, capacity);
    seqNo = java.util.Arrays.copyOf(seqNo, capacity);
    pc = java.util.Arrays.copyOf(pc, capacity);
    nextPc = java.util.Arrays.copyOf(nextPc, capacity);
    taken = java.util.Arrays.copyOf(taken, capacity);
    predicted = java.util.Arrays.copyOf(predicted, capacity);
  }
}
