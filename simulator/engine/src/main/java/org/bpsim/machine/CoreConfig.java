package org.bpsim.machine;

/**
 * One core's pipeline parameters for the dataflow timing model (see docs/pipeline.md).
 *
 * @param width instructions fetched (and dispatched) per cycle at best
 * @param robSize instruction window (reorder buffer) entries: fetch stalls while it is full
 * @param fetchToExecute cycles from fetch to the earliest execution (the pipeline fill); a
 *     mispredicted branch redirects fetch when it executes, so this is also the least
 *     misprediction penalty
 * @param maxBranchesPerFetch branches one fetch group may hold (0: no limit)
 * @param fetchStopsAtTaken whether a taken branch ends its fetch group
 * @param fetchStopsAtIndirect whether an indirect jump or call ends its fetch group
 * @param aluLanes non-memory instructions that can start executing per cycle
 * @param memoryLanes loads and stores that can start executing per cycle
 * @param latencies execution latencies by instruction class
 * @param perfectTargets whether branch targets are always known at fetch (no BTB or return
 *     address stack misses), as in a model that only studies direction prediction
 * @param btbSets branch target buffer sets
 * @param btbWays branch target buffer ways
 * @param rasEntries return address stack entries
 * @param cbp2025Kit whether the core is the CBP-2025 kit's own model ({@code "model":
 *     "cbp2025-kit"}): instructions split into the kit's micro-ops, the kit's caches (a fill
 *     time per line, no writebacks) and stride prefetcher, a store queue searched per byte, the
 *     kit's lane bookings and its register rule (see docs/pipeline.md); otherwise the general
 *     dataflow model ({@code "dataflow"}, the default)
 * @param btb which branch target buffer the core has: bpsim's set-associative one ({@code
 *     "btb": {"sets": S, "ways": W}} with {@code ras_entries}) or ChampSim's {@code basic_btb}
 *     ({@code "btb": "basic_btb"}, whose sizes are fixed: then {@code btbSets}, {@code btbWays}
 *     and {@code rasEntries} are its 1024, 8 and 64)
 * @param retireWidth instructions retired per cycle at most ({@code "retire_width"}; 0, the
 *     default, no limit: an instruction retires as soon as it and every older one are done).
 *     ChampSim retires 5 a cycle ({@code retire_width} in its {@code champsim_config.json})
 * @param registerFileSize physical registers ({@code "register_file_size"}; 0, the default, no
 *     limit). Every architectural register named so far keeps one; each destination in flight
 *     takes one more until the instruction retires, so an instruction with a destination (and
 *     every younger one, as ChampSim's scheduler stops at the first it cannot rename) starts
 *     executing only once enough older destinations have retired (ChampSim's {@code
 *     RegisterAllocator}, 128 in its default configuration)
 * @param schedulerSize instructions not yet started that the scheduler looks at ({@code
 *     "scheduler_size"}; 0, the default, the whole window): an instruction starts only when
 *     fewer than this many older ones are still waiting to start (ChampSim's {@code
 *     scheduler_size}, 128)
 * @param countMergedMisses whether an L1D access to a line whose fill is still under way counts
 *     as an L1D miss ({@code "count_merged_misses"}; false, the default, counts it as a hit), as
 *     ChampSim counts a request merged into an MSHR; only the counts change, not the timing
 * @param executeWidth instructions of any class that start executing per cycle at most, on top
 *     of the ALU and load/store lanes ({@code "execute_width"}; 0, the default, no such limit):
 *     ChampSim's {@code execute_width} (4) covers every instruction, loads and stores included
 */
public record CoreConfig(int width, int robSize, int fetchToExecute, int maxBranchesPerFetch,
    boolean fetchStopsAtTaken, boolean fetchStopsAtIndirect, int aluLanes, int memoryLanes,
    ExecutionLatencies latencies, boolean perfectTargets, int btbSets, int btbWays,
    int rasEntries, boolean cbp2025Kit, Btb btb, int retireWidth, int registerFileSize,
    int schedulerSize, boolean countMergedMisses, int executeWidth) {

  /** A core that retires without a width limit (every machine before the {@code champsim} one). */
  public CoreConfig(int width, int robSize, int fetchToExecute, int maxBranchesPerFetch,
      boolean fetchStopsAtTaken, boolean fetchStopsAtIndirect, int aluLanes, int memoryLanes,
      ExecutionLatencies latencies, boolean perfectTargets, int btbSets, int btbWays,
      int rasEntries, boolean cbp2025Kit, Btb btb) {
    this(width, robSize, fetchToExecute, maxBranchesPerFetch, fetchStopsAtTaken,
        fetchStopsAtIndirect, aluLanes, memoryLanes, latencies, perfectTargets, btbSets, btbWays,
        rasEntries, cbp2025Kit, btb, 0, 0, 0, false, 0);
  }

  /** The kinds of branch target buffer a machine may have. */
  public enum Btb {
    /** bpsim's: sets × ways with LRU for taken branches, and a return address stack. */
    SET_ASSOCIATIVE,
    /**
     * ChampSim's {@code basic_btb}, with ChampSim's call pattern: looked up for every
     * instruction, its {@code always_taken} ORed into the predicted direction.
     */
    BASIC_BTB;

    /** ChampSim's sizes: direct BTB sets and ways, return stack entries. */
    public static final int BASIC_BTB_SETS = 1024;
    public static final int BASIC_BTB_WAYS = 8;
    public static final int BASIC_BTB_RAS_ENTRIES = 64;
  }

  /** A core with bpsim's set-associative BTB. */
  public CoreConfig(int width, int robSize, int fetchToExecute, int maxBranchesPerFetch,
      boolean fetchStopsAtTaken, boolean fetchStopsAtIndirect, int aluLanes, int memoryLanes,
      ExecutionLatencies latencies, boolean perfectTargets, int btbSets, int btbWays,
      int rasEntries, boolean cbp2025Kit) {
    this(width, robSize, fetchToExecute, maxBranchesPerFetch, fetchStopsAtTaken,
        fetchStopsAtIndirect, aluLanes, memoryLanes, latencies, perfectTargets, btbSets, btbWays,
        rasEntries, cbp2025Kit, Btb.SET_ASSOCIATIVE);
  }

  /** The general dataflow model. */
  public CoreConfig(int width, int robSize, int fetchToExecute, int maxBranchesPerFetch,
      boolean fetchStopsAtTaken, boolean fetchStopsAtIndirect, int aluLanes, int memoryLanes,
      ExecutionLatencies latencies, boolean perfectTargets, int btbSets, int btbWays,
      int rasEntries) {
    this(width, robSize, fetchToExecute, maxBranchesPerFetch, fetchStopsAtTaken,
        fetchStopsAtIndirect, aluLanes, memoryLanes, latencies, perfectTargets, btbSets, btbWays,
        rasEntries, false);
  }

  public CoreConfig {
    positive("width", width);
    positive("rob_size", robSize);
    nonNegative("fetch_to_execute", fetchToExecute);
    nonNegative("fetch.max_branches", maxBranchesPerFetch);
    positive("lanes.alu", aluLanes);
    positive("lanes.memory", memoryLanes);
    positive("btb.sets", btbSets);
    positive("btb.ways", btbWays);
    positive("ras_entries", rasEntries);
    nonNegative("retire_width", retireWidth);
    nonNegative("register_file_size", registerFileSize);
    nonNegative("scheduler_size", schedulerSize);
    nonNegative("execute_width", executeWidth);
    if (executeWidth > 0 && cbp2025Kit) {
      throw new IllegalArgumentException("execute_width goes with the \"dataflow\" model, "
          + "not \"cbp2025-kit\"");
    }
    if (schedulerSize > 0 && cbp2025Kit) {
      throw new IllegalArgumentException("scheduler_size goes with the \"dataflow\" model, "
          + "not \"cbp2025-kit\"");
    }
    if (registerFileSize > 0 && cbp2025Kit) {
      throw new IllegalArgumentException("register_file_size goes with the \"dataflow\" model, "
          + "not \"cbp2025-kit\"");
    }
    if (retireWidth > 0 && cbp2025Kit) {
      throw new IllegalArgumentException("retire_width goes with the \"dataflow\" model, not "
          + "\"cbp2025-kit\" (the kit retires without a width limit)");
    }
    if (btb == null) {
      throw new IllegalArgumentException("btb must be given");
    }
  }

  /**
   * Cycles an instruction takes to execute once it has started, by class.
   *
   * @param simple one-cycle integer operations, branches and stores
   * @param floatingPoint floating-point and SIMD operations
   * @param slowInteger multiplies, divides and the like
   * @param addressGeneration a load's or store's address computation before the cache access
   */
  public record ExecutionLatencies(int simple, int floatingPoint, int slowInteger,
      int addressGeneration) {
    public ExecutionLatencies {
      positive("latency.simple", simple);
      positive("latency.floating_point", floatingPoint);
      positive("latency.slow_integer", slowInteger);
      nonNegative("latency.address_generation", addressGeneration);
    }
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, not " + value);
    }
  }

  private static void nonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, not " + value);
    }
  }
}
