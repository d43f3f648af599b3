package org.bpsim.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.cache.Cache;
import org.bpsim.cache.CacheHierarchy;
import org.bpsim.machine.CoreConfig;
import org.bpsim.machine.MachineConfig;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.trace.InstructionStream;
import org.bpsim.trace.InstructionStreams;
import org.bpsim.trace.TraceFormatException;

/**
 * One core under the first-order interval model (Karkhanis and Smith, ISCA 2004; Eyerman,
 * Eeckhout, Karkhanis and Smith, TOCS 2009). Without miss events the core dispatches
 * {@code width} instructions a cycle. Miss events interrupt that steady state and each adds its
 * own penalty:
 *
 * <ul>
 *   <li>a branch direction misprediction (from the predictor) or target misprediction (BTB miss
 *       or wrong BTB target for taken branches, return address stack for returns) costs the
 *       front-end refill plus the branch's resolution time;
 *   <li>an instruction-cache miss stalls fetch for the latency of the level that supplies the
 *       line (the L1I is accessed once per new fetch line);
 *   <li>a load that misses the L1D stalls commit for the supplying level's latency (memory: the
 *       last level's latency plus the memory latency and any queueing for the memory channel),
 *       except that misses within one reorder-buffer window (fewer than {@code robSize}
 *       instructions after the miss that opened the window) overlap with it: they add only what
 *       their latency exceeds the window's (memory-level parallelism);
 *   <li>stores retire into a write buffer: they update the caches but never stall.
 * </ul>
 *
 * Cycles = instructions / width + the penalties, which is also the CPI stack. Dependences and
 * execution latencies are outside the first-order model: a trace without miss events runs at
 * exactly {@code width} instructions per cycle.
 */
final class Core {
  private final int id;
  private final Path trace;
  private final CoreConfig core;
  private final BranchPredictor predictor;
  private final BranchTargetBuffer btb;
  private final ReturnAddressStack ras;
  private final CacheHierarchy fetchChain;
  private final CacheHierarchy dataChain;
  private final int[] fetchLatency;
  private final int[] dataLatency;
  private final Cache sharedLastLevel;
  private final MainMemory memory;
  private final long addressTag;
  private final int lineShift;
  private final long warmup;
  private final long maxInstructions;
  private final Idealization idealization;

  private InstructionStream stream;
  private final CoreCounters counters;
  private CoreCounters atWarmupEnd;
  private CoreCounters atFinish;
  private long totalInstructions;
  private long lastFetchLine = -1;
  private long windowStart = Long.MIN_VALUE / 2;
  private long windowLatency;
  private final Cache[] dataCaches;
  private final long[] writebacksBefore;

  Core(int id, Path trace, MachineConfig machine, BranchPredictor predictor,
      CacheHierarchy fetchChain, CacheHierarchy dataChain, Cache sharedLastLevel,
      MainMemory memory, boolean separateAddressSpace, long warmup, long maxInstructions,
      Idealization idealization) throws IOException {
    this.id = id;
    this.idealization = idealization;
    this.trace = trace;
    this.core = machine.core();
    this.predictor = predictor;
    this.btb = new BranchTargetBuffer(core.btbSets(), core.btbWays());
    this.ras = new ReturnAddressStack(core.rasEntries());
    this.fetchChain = fetchChain;
    this.dataChain = dataChain;
    this.fetchLatency = latencies(fetchChain, machine);
    this.dataLatency = latencies(dataChain, machine);
    this.sharedLastLevel = sharedLastLevel;
    this.memory = memory;
    // Core id folded into the high address bits keeps cores' data apart in a shared cache.
    this.addressTag = separateAddressSpace ? (long) id << 48 : 0;
    this.lineShift = Integer.numberOfTrailingZeros(machine.dataCaches().lineBytes());
    this.warmup = warmup;
    this.maxInstructions = maxInstructions;
    this.counters = new CoreCounters(dataChain.levels().size(), fetchChain.levels().size());
    this.dataCaches = dataChain.levels().toArray(new Cache[0]);
    this.writebacksBefore = new long[dataCaches.length];
    this.stream = InstructionStreams.open(trace);
    if (warmup == 0) {
      atWarmupEnd = counters.copy();
    }
  }

  private static int[] latencies(CacheHierarchy chain, MachineConfig machine) {
    int[] latency = new int[chain.levels().size()];
    for (int i = 0; i < latency.length; i++) {
      latency[i] = chain.levels().get(i).config().latency();
    }
    return latency;
  }

  int id() {
    return id;
  }

  Path trace() {
    return trace;
  }

  /** The cycle this core has reached. */
  long now() {
    return counters.instructions / core.width() + counters.stallCycles();
  }

  /** Whether the counted part (first pass, up to the instruction limit) is over. */
  boolean finished() {
    return atFinish != null;
  }

  /** The counted figures: from the end of the warmup to the finish. */
  CoreCounters counted() {
    CoreCounters end = atFinish != null ? atFinish : counters;
    CoreCounters start = atWarmupEnd != null ? atWarmupEnd : end;
    return end.minus(start);
  }

  /** Simulates one instruction; a trace that ends restarts from its beginning. */
  void step() throws IOException {
    if (!stream.next()) {
      if (totalInstructions == 0) {
        throw new TraceFormatException(trace, null, "has no instructions");
      }
      finish();
      stream.close();
      stream = InstructionStreams.open(trace);
      if (!stream.next()) {
        throw new TraceFormatException(trace, null, "has no instructions");
      }
    }
    totalInstructions++;
    counters.instructions++;
    if (sharedLastLevel != null) {
      sharedLastLevel.setRequester(id);
    }
    for (int level = 0; level < dataCaches.length; level++) {
      writebacksBefore[level] = dataCaches[level].writebacks();
    }
    boolean realCaches = !idealization.perfectCaches();
    if (realCaches) {
      fetch(stream.pc());
    }
    BranchKind kind = stream.branchKind();
    if (kind != null) {
      if (!idealization.perfectBranches()) {
        branch(stream.pc(), kind, stream.taken(), stream.target());
      } else if (kind == BranchKind.CONDITIONAL) {
        counters.conditionalBranches++;
      }
    }
    if (realCaches && stream.isLoad()) {
      load(stream.loadAddress());
    }
    if (realCaches && stream.isStore()) {
      store(stream.storeAddress());
    }
    for (int level = 0; level < dataCaches.length; level++) {
      counters.dataWritebacks[level] += dataCaches[level].writebacks() - writebacksBefore[level];
    }
    if (atWarmupEnd == null && totalInstructions == warmup) {
      counters.interCoreEvictions = sharedLastLevel == null ? 0
          : sharedLastLevel.interCoreEvictions(id);
      atWarmupEnd = counters.copy();
    }
    if (atWarmupEnd != null && atFinish == null
        && counters.instructions - atWarmupEnd.instructions >= maxInstructions) {
      finish();
    }
  }

  private void finish() {
    if (atFinish == null) {
      if (atWarmupEnd == null) {
        atWarmupEnd = counters.copy();
      }
      counters.interCoreEvictions = sharedLastLevel == null ? 0
          : sharedLastLevel.interCoreEvictions(id);
      atFinish = counters.copy();
    }
  }

  private void fetch(long pc) {
    long address = pc ^ addressTag;
    long line = address >>> lineShift;
    if (line == lastFetchLine) {
      return;
    }
    lastFetchLine = line;
    long readsBefore = fetchChain.memoryReads();
    long writesBefore = fetchChain.memoryWrites();
    int supplier = fetchChain.access(address, false);
    countLevels(counters.fetchAccesses, counters.fetchMisses, supplier);
    if (supplier > 0) {
      counters.instructionCacheStall += latencyOf(fetchLatency, supplier);
    }
    otherTraffic(fetchChain, readsBefore, writesBefore, supplier == fetchLatency.length);
  }

  private void branch(long pc, BranchKind kind, boolean taken, long target) {
    boolean mispredicted = false;
    if (kind == BranchKind.CONDITIONAL) {
      counters.conditionalBranches++;
      if (predictor.predict(pc) != taken) {
        counters.directionMispredictions++;
        mispredicted = true;
      }
    }
    if (kind == BranchKind.RETURN) {
      if (ras.pop() != target) {
        counters.targetMispredictions++;
        counters.returnMispredictions++;
        mispredicted = true;
      }
    } else if (taken) {
      if (btb.lookup(pc) != target && !mispredicted) {
        counters.targetMispredictions++;
        mispredicted = true;
      }
      btb.update(pc, target);
    }
    if (kind.isCall()) {
      ras.push(pc + 4);
    }
    predictor.update(pc, target, kind, taken);
    if (mispredicted) {
      counters.branchStall += core.mispredictionPenalty();
    }
  }

  private void load(long address) {
    long readsBefore = dataChain.memoryReads();
    long writesBefore = dataChain.memoryWrites();
    int supplier = dataChain.access(address ^ addressTag, false);
    countLevels(counters.dataAccesses, counters.dataMisses, supplier);
    if (supplier > 0) {
      long latency = latencyOf(dataLatency, supplier);
      long position = counters.instructions;
      long extra;
      if (position - windowStart < core.robSize()) {
        extra = Math.max(0, latency - windowLatency);
        windowLatency = Math.max(windowLatency, latency);
      } else {
        windowStart = position;
        windowLatency = latency;
        extra = latency;
      }
      counters.dataStall[supplier] += extra;
    }
    otherTraffic(dataChain, readsBefore, writesBefore, supplier == dataLatency.length);
  }

  private void store(long address) {
    long readsBefore = dataChain.memoryReads();
    long writesBefore = dataChain.memoryWrites();
    int supplier = dataChain.access(address ^ addressTag, true);
    countLevels(counters.dataAccesses, counters.dataMisses, supplier);
    // The store's own fill never stalls the core, but it does use the memory channel.
    otherTraffic(dataChain, readsBefore, writesBefore, false);
  }

  private long latencyOf(int[] latency, int supplier) {
    if (supplier < latency.length) {
      return latency[supplier];
    }
    return latency[latency.length - 1] + memory.read(now());
  }

  private static void countLevels(long[] accesses, long[] misses, int supplier) {
    for (int level = 0; level < accesses.length && level <= supplier; level++) {
      accesses[level]++;
      if (level < supplier) {
        misses[level]++;
      }
    }
  }

  /**
   * Puts on the memory channel every block an access moved to or from memory besides the demand
   * read already timed by {@link #latencyOf} (writebacks, fills for write misses below).
   */
  private void otherTraffic(CacheHierarchy chain, long readsBefore, long writesBefore,
      boolean demandReadTimed) {
    long blocks = chain.memoryReads() - readsBefore + chain.memoryWrites() - writesBefore;
    if (demandReadTimed) {
      blocks--;
    }
    for (; blocks > 0; blocks--) {
      memory.write(now());
    }
  }

  void close() throws IOException {
    stream.close();
  }
}
