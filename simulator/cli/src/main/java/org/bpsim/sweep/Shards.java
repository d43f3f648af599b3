package org.bpsim.sweep;

import java.util.List;

/**
 * Deterministic partition of a sweep's tasks into N shards. Tasks are in trace-major order, and
 * shard I takes the contiguous run {@code [floor(I*T/N), floor((I+1)*T/N))} of the T tasks: every
 * task lands in exactly one shard, shard sizes differ by at most one, and a shard holds the tasks
 * of a trace together, so it decodes each of its traces once.
 */
public final class Shards {
  private Shards() {
  }

  /** The tasks of shard {@code index} (0-based) of {@code count}. */
  public static <T> List<T> of(List<T> tasks, int index, int count) {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard " + index + "/" + count + ": need 0 <= I < N");
    }
    long size = tasks.size();
    int from = (int) (size * index / count);
    int to = (int) (size * (index + 1) / count);
    return tasks.subList(from, to);
  }
}
