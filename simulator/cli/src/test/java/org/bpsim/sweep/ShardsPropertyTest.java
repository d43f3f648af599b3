package org.bpsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** For random sweeps and random N, the N shards hold every task exactly once, grouped by trace. */
class ShardsPropertyTest {
  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void shardsPartitionTheTasks(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int traces = 1 + random.nextInt(40);
    int configs = 1 + random.nextInt(30);
    int n = 1 + random.nextInt(3 * traces * configs / 2 + 2);
    List<SweepPlan.Task> tasks = new ArrayList<>();
    for (int t = 0; t < traces; t++) {
      for (int c = 0; c < configs; c++) {
        tasks.add(new SweepPlan.Task(t, c));
      }
    }
    String where = "seed " + seed + " (" + traces + " traces x " + configs + " configs, N = "
        + n + ")";
    Map<SweepPlan.Task, Integer> seen = new HashMap<>();
    int largest = 0;
    int smallest = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      List<SweepPlan.Task> shard = Shards.of(tasks, i, n);
      largest = Math.max(largest, shard.size());
      smallest = Math.min(smallest, shard.size());
      int previousTrace = -1;
      java.util.Set<Integer> tracesOfShard = new java.util.HashSet<>();
      for (SweepPlan.Task task : shard) {
        Integer before = seen.put(task, i);
        assertEquals(null, before, where + ": " + task + " in shards " + before + " and " + i);
        if (task.trace() != previousTrace) {
          assertTrue(tracesOfShard.add(task.trace()),
              where + ": shard " + i + " splits trace " + task.trace());
          previousTrace = task.trace();
        }
      }
      assertEquals(shard, Shards.of(tasks, i, n), where + ": not deterministic");
    }
    assertEquals(tasks.size(), seen.size(), where + ": tasks missing");
    assertTrue(largest - smallest <= 1, where + ": unbalanced " + smallest + ".." + largest);
  }
}
