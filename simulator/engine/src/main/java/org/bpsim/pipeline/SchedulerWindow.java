package org.bpsim.pipeline;

/**
 * ChampSim's scheduler search window ({@code scheduler_size}): each cycle its scheduler looks at
 * the oldest {@code size} instructions of the reorder buffer that have not executed yet, so an
 * instruction can start only at a cycle when fewer than {@code size} older instructions are still
 * waiting to start. In the dataflow model, where older instructions are placed first, that is the
 * cycle of the {@code size}-th latest start among the older instructions: a min-heap of the
 * {@code size} latest starts gives it, allocation-free.
 */
final class SchedulerWindow {
  private final long[] heap;
  private int count;

  SchedulerWindow(int size) {
    heap = new long[size];
  }

  /** The earliest cycle the next instruction may start (0 while fewer than size are older). */
  long gate() {
    return count < heap.length ? 0 : heap[0];
  }

  /** The next instruction starts at {@code start}. */
  void started(long start) {
    if (count < heap.length) {
      int i = count++;
      heap[i] = start;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (heap[parent] <= heap[i]) {
          break;
        }
        swap(i, parent);
        i = parent;
      }
    } else if (start > heap[0]) {
      heap[0] = start;
      int i = 0;
      while (true) {
        int left = 2 * i + 1;
        if (left >= count) {
          break;
        }
        int smallest = left + 1 < count && heap[left + 1] < heap[left] ? left + 1 : left;
        if (heap[i] <= heap[smallest]) {
          break;
        }
        swap(i, smallest);
        i = smallest;
      }
    }
  }

  private void swap(int a, int b) {
    long t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
  }
}
