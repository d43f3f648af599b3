package org.bpsim.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.cache.Cache;
import org.bpsim.cache.CacheHierarchy;
import org.bpsim.machine.CoreConfig;
import org.bpsim.machine.MachineConfig;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.MicroOp;
import org.bpsim.predictor.spi.PipelineHookedPredictor;
import org.bpsim.predictor.spi.StagedBranchPredictor;
import org.bpsim.trace.ExecutionClass;
import org.bpsim.trace.InstructionStream;
import org.bpsim.trace.TraceOpener;
import org.bpsim.trace.TraceFormatException;

/**
 * One core under a trace-driven dataflow timing model, the kind the CBP-2025 kit uses (its
 * {@code lib/uarchsim.cc}): each instruction is placed in time as it is fetched, in program
 * order, with no wrong-path work.
 *
 * <ul>
 *   <li>Fetch takes up to {@code width} instructions a cycle; a group also ends at a taken
 *       branch, an indirect branch or after {@code maxBranchesPerFetch} branches, as configured.
 *       An instruction-cache miss holds fetch for the latency of the level that supplies the
 *       line.
 *   <li>An instruction starts executing {@code fetchToExecute} cycles after its fetch at the
 *       earliest, once its source registers are ready and a lane (ALU or load/store) is free in
 *       that cycle; it then takes its class's latency. A load takes address generation plus the
 *       latency of the level that supplies it, unless a recent store to the same word forwards
 *       the data, and waits for a line still being filled by an earlier miss.
 *   <li>Instructions retire in order as soon as they are done (no retire width); the window
 *       holds {@code robSize} of them and fetch waits while it is full.
 *   <li>A mispredicted branch (direction, or target when targets are not perfect) stops useful
 *       fetch until it executes: fetch resumes at the branch's completion cycle.
 *   <li>A {@link StagedBranchPredictor} is driven as the kit drives its predictor: predicted at
 *       fetch, its histories updated right after, and trained when the branch executes, which is
 *       once fetch has reached the branch's completion cycle (the kit processes the execute
 *       events of each cycle when its fetch cycle gets there, in fetch order within a cycle).
 *       Any other predictor predicts and updates at once, in trace order.
 *   <li>On a machine whose core is the CBP-2025 kit's model ({@code "model": "cbp2025-kit"}),
 *       {@link #stepKit} places the kit's micro-ops instead, with the kit's caches, stride
 *       prefetcher, per-byte store queue and lane tables ({@code Kit*} classes), so that every
 *       micro-op is fetched and executed in the kit's cycle (docs/pipeline.md).
 * </ul>
 *
 * Cycles are the completion cycle of the last instruction. Each advance of the fetch cycle is
 * charged to its cause (a new fetch group: {@code base}; a misprediction: {@code branch}; an
 * instruction miss: {@code icache}; a full window: whatever made its oldest instruction late),
 * and the final drain to whatever made the last instruction late, so the CPI stack adds up.
 */
final class Core {
  /** Stall causes: 0 is the base (no miss), 1..levels-1 a data level, levels the memory. */
  private static final int BASE = 0;

  private final int id;
  private final Path trace;
  private final CoreConfig core;
  private final BranchPredictor predictor;
  /** Drives the predictor at the kit's points when it is staged, else null. */
  private final StagedPredictorDriver staged;
  /**
   * Drives every hook of a {@link PipelineHookedPredictor} on the kit's model (then
   * {@link #staged} is null), else null.
   */
  private final KitHookDriver hooks;
  /** The current micro-op as the hooks see it. */
  private final CurrentMicroOp current = new CurrentMicroOp();
  /** The current micro-op's position within its instruction (the kit's {@code piece}). */
  private int piece;
  /** The current micro-op's start (lane) and retire cycles, as {@link #executeKit} set them. */
  private long lastStart;
  private long lastRetire;
  private final BranchTargetBuffer btb;
  private final ReturnAddressStack ras;
  /** ChampSim's BTB when the machine has {@code "btb": "basic_btb"}, else null. */
  private final BasicBtb basicBtb;
  /** Whether the predictor is called for every instruction (ChampSim's call pattern). */
  private final boolean everyInstruction;
  /**
   * Whether branch statistics follow ChampSim's edges (with its basic_btb): ChampSim counts a
   * branch when it is fetched but switches phases when an instruction retires, so its region
   * of interest counts the branches fetched from the cycle the warmup's last instruction retires
   * to the cycle the region's last instruction retires. The other counters keep bpsim's edges.
   */
  private final boolean fetchEdges;
  /** The retire cycle of the warmup's last instruction, then of the region's (-1: not yet). */
  private long warmupRetireCycle = -1;
  private long finishRetireCycle = -1;
  /** The counters when fetch reached those cycles (branch figures only are taken from them). */
  private CoreCounters branchesAtStart;
  private CoreCounters branchesAtEnd;
  private final CacheHierarchy fetchChain;
  private final CacheHierarchy dataChain;
  private final int[] fetchLatency;
  private final int[] dataLatency;
  private final Cache sharedLastLevel;
  private final MainMemory memory;
  private final long addressTag;
  private final int lineShift;
  private final int dataLineShift;
  private final long warmup;
  private final long maxInstructions;
  private final Idealization idealization;

  private InstructionStream stream;
  private final CoreCounters counters;
  private CoreCounters atWarmupEnd;
  private CoreCounters atFinish;
  private long totalInstructions;
  private long lastFetchLine = -1;
  private final Cache[] dataCaches;
  private final long[] writebacksBefore;

  private final InstructionWindow window;
  /** The limited register file of the machine, or null for none (every preset but champsim). */
  private final PhysicalRegisters registerFile;
  /** The scheduler's search window, or null for none (every preset but champsim). */
  private final SchedulerWindow scheduler;
  private final LaneSchedule aluLanes;
  private final LaneSchedule memoryLanes;
  /** The execute width over every class, or null when only the lanes limit (every preset but champsim). */
  private final LaneSchedule executeSlots;
  private final long[] registerReady = new long[256];
  private final int[] registerCause = new int[256];
  private final StoreForwarding storeQueue = new StoreForwarding();
  private final LineFills lineFills = new LineFills();
  /** The machine's TLBs and page walker, or null: the caches then see virtual addresses. */
  private final AddressTranslation translation;
  private long fetchCycle;
  private int fetchedInGroup;
  private int branchesInGroup;

  /** The CBP-2025 kit's own mechanisms when the machine is the kit's model, else null. */
  private final KitParts kit;
  /** Whether the next element of the stream starts an instruction (not a later micro-op). */
  private boolean startsInstruction = true;
  /** Sees each micro-op placed in time (scratch comparisons, tests); usually null. */
  MicroOpObserver observer;

  /** Told the fetch and execute cycle of each element (micro-op) as it is placed. */
  interface MicroOpObserver {
    void placed(long pc, long fetchCycle, long executeCycle);

    /**
     * The kit's model only: every cycle of the micro-op ({@code agenCycle} -1 unless it is a
     * load or store); {@code seqNo} is the kit's, or -1 without a hooked predictor.
     */
    default void placedMicroOp(long seqNo, int piece, long pc, long fetchCycle, long agenCycle,
        long executeCycle, long retireCycle) {
    }
  }

  /**
   * What the kit's model ({@code lib/uarchsim.cc}) has that the general one has not: its caches
   * with a fill time per line, its stride prefetcher, its per-byte store queue, its lane tables,
   * and the fetch cycle of the previous micro-op (where prefetches may take free lanes from).
   */
  private static final class KitParts {
    final KitCache instructionCache;
    final KitCache[] data;
    final KitStridePrefetcher prefetcher = new KitStridePrefetcher();
    final KitStoreQueue storeQueue = new KitStoreQueue();
    final KitLaneSchedule aluLanes;
    final KitLaneSchedule memoryLanes;
    long previousFetchCycle;

    KitParts(MachineConfig machine) {
      var levels = machine.dataCaches().levels();
      data = new KitCache[levels.size()];
      int below = machine.memory().latency();
      for (int i = levels.size() - 1; i >= 0; i--) {
        var level = levels.get(i);
        // bpsim's latencies are cumulative; the kit's are each level's own search time.
        int own = level.latency() - (i == 0 ? 0 : levels.get(i - 1).latency());
        data[i] = new KitCache(level.name(), level.sizeBytes(), level.ways(), level.lineBytes(),
            own, i + 1 < data.length ? data[i + 1] : null, below);
      }
      var ic = machine.instructionCache();
      instructionCache = new KitCache(ic.name(), ic.sizeBytes(), ic.ways(), ic.lineBytes(),
          ic.latency(), data[1], below);
      aluLanes = new KitLaneSchedule(machine.core().aluLanes());
      memoryLanes = new KitLaneSchedule(machine.core().memoryLanes());
    }
  }

  Core(int id, Path trace, MachineConfig machine, BranchPredictor predictor,
      CacheHierarchy fetchChain, CacheHierarchy dataChain, Cache sharedLastLevel,
      MainMemory memory, boolean separateAddressSpace, long warmup, long maxInstructions,
      Idealization idealization) throws IOException {
    this.id = id;
    this.idealization = idealization;
    this.trace = trace;
    this.core = machine.core();
    this.predictor = predictor;
    this.basicBtb = core.btb() == CoreConfig.Btb.BASIC_BTB ? new BasicBtb() : null;
    this.hooks = machine.core().cbp2025Kit() && predictor instanceof PipelineHookedPredictor h
        ? new KitHookDriver(h, machine.core().robSize()) : null;
    // ChampSim's front end predicts and updates each branch at once, in trace order: a staged
    // predictor is then driven by its two plain calls, as outside a pipeline model.
    this.staged = hooks == null && basicBtb == null && predictor instanceof StagedBranchPredictor s
        ? new StagedPredictorDriver(s, machine.core().robSize()) : null;
    this.everyInstruction = staged == null && hooks == null
        && predictor.predictsEveryInstruction();
    this.fetchEdges = basicBtb != null;
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
    this.lineShift = Integer.numberOfTrailingZeros(machine.instructionCache().lineBytes());
    this.dataLineShift = Integer.numberOfTrailingZeros(
        machine.dataCaches().levels().get(0).lineBytes());
    this.warmup = warmup;
    this.maxInstructions = maxInstructions;
    this.counters = new CoreCounters(dataChain.levels().size(), fetchChain.levels().size());
    this.dataCaches = dataChain.levels().toArray(new Cache[0]);
    this.writebacksBefore = new long[dataCaches.length];
    this.window = new InstructionWindow(core.robSize(), core.retireWidth());
    this.registerFile = core.registerFileSize() > 0
        ? new PhysicalRegisters(core.registerFileSize()) : null;
    this.scheduler = core.schedulerSize() > 0 ? new SchedulerWindow(core.schedulerSize()) : null;
    this.aluLanes = new LaneSchedule(core.aluLanes());
    this.memoryLanes = new LaneSchedule(core.memoryLanes());
    this.executeSlots = core.executeWidth() > 0 ? new LaneSchedule(core.executeWidth()) : null;
    this.kit = core.cbp2025Kit() ? new KitParts(machine) : null;
    this.translation = machine.tlb() == null || kit != null ? null
        : new AddressTranslation(machine.tlb(), id, this::walkRead, counters.translation);
    this.stream = open(trace);
    if (warmup == 0) {
      atWarmupEnd = counters.copy();
      branchesAtStart = atWarmupEnd;
    }
  }

  private static int[] latencies(CacheHierarchy chain, MachineConfig machine) {
    int[] latency = new int[chain.levels().size()];
    for (int i = 0; i < latency.length; i++) {
      latency[i] = chain.levels().get(i).config().latency();
    }
    return latency;
  }

  private InstructionStream open(Path path) throws IOException {
    InstructionStream opened = TraceOpener.instructions(path);
    if (kit != null) {
      opened.splitIntoMicroOps();
    }
    return opened;
  }

  int id() {
    return id;
  }

  Path trace() {
    return trace;
  }

  /** The cycle this core has reached: where fetch is. */
  /**
   * Instructions stepped so far, whole passes included: what a watchdog on another thread reads
   * (without synchronisation) to see that the core, and so its predictor, still progresses.
   */
  long progress() {
    return totalInstructions;
  }

  long now() {
    return fetchCycle;
  }

  /**
   * Whether the counted part (first pass, up to the instruction limit) is over; with ChampSim's
   * edges, once fetch has also reached the retire cycle of the region's last instruction.
   */
  boolean finished() {
    return atFinish != null && (!fetchEdges || branchesAtEnd != null);
  }

  /** The counted figures: from the end of the warmup to the finish. */
  CoreCounters counted() {
    CoreCounters end = atFinish != null ? atFinish : withDrain();
    CoreCounters start = atWarmupEnd != null ? atWarmupEnd : end;
    CoreCounters counted = end.minus(start);
    if (fetchEdges) {
      CoreCounters branchEnd = branchesAtEnd != null ? branchesAtEnd : counters.copy();
      CoreCounters branchStart = branchesAtStart != null ? branchesAtStart : branchEnd;
      counted.takeBranchFigures(branchEnd.minus(branchStart));
    }
    return counted;
  }

  /** Address translation's counts in {@code counted}, by name; empty without TLBs. */
  java.util.Map<String, Long> translationCounts(CoreCounters counted) {
    java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
    if (translation != null) {
      for (int i = 0; i < AddressTranslation.STATISTICS; i++) {
        counts.put(AddressTranslation.KEYS.get(i), counted.translation[i]);
      }
    }
    return java.util.Collections.unmodifiableMap(counts);
  }

  /** ChampSim's phase edges as fetch sees them: called before an instruction is predicted. */
  private void fetchEdges() {
    if (branchesAtStart == null && warmupRetireCycle >= 0 && fetchCycle >= warmupRetireCycle) {
      branchesAtStart = counters.copy();
    }
    if (branchesAtEnd == null && finishRetireCycle >= 0 && fetchCycle >= finishRetireCycle) {
      branchesAtEnd = counters.copy();
    }
  }

  /** Simulates one instruction; a trace that ends restarts from its beginning. */
  void step() throws IOException {
    if (!stream.next()) {
      if (totalInstructions == 0) {
        throw new TraceFormatException(trace, null, "has no instructions");
      }
      finish();
      stream.close();
      stream = open(trace);
      if (!stream.next()) {
        throw new TraceFormatException(trace, null, "has no instructions");
      }
    }
    if (startsInstruction) {
      totalInstructions++;
      counters.instructions++;
      piece = 0;
    } else {
      piece++;
    }
    boolean endsInstruction = stream.lastMicroOp();
    startsInstruction = endsInstruction;
    if (kit != null) {
      stepKit();
      return;
    }
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
    if (staged != null && !idealization.perfectBranches()) {
      resolveUpTo(fetchCycle);
    }
    window.retireUpTo(fetchCycle);
    aluLanes.advanceTo(fetchCycle);
    memoryLanes.advanceTo(fetchCycle);
    if (executeSlots != null) {
      executeSlots.advanceTo(fetchCycle);
    }

    long done = execute(realCaches);

    BranchKind kind = stream.branchKind();
    boolean mispredicted = false;
    if (fetchEdges) {
      fetchEdges();
    }
    if (!idealization.perfectBranches()) {
      // ChampSim's BTB and predictors look at every instruction, not only at branches.
      if (kind != null || basicBtb != null || everyInstruction) {
        mispredicted = branch(stream.pc(), kind, stream.taken(), stream.target(), done);
      }
    } else if (kind == BranchKind.CONDITIONAL) {
      counters.conditionalBranches++;
    }
    if (fetchEdges && atWarmupEnd == null) {
      // ChampSim's front end (do_predict_branch) stops fetch at a misprediction only outside
      // the warmup: its warmup keeps the pipeline full.
      mispredicted = false;
    }
    advanceFetch(kind, mispredicted, done);

    for (int level = 0; level < dataCaches.length; level++) {
      counters.dataWritebacks[level] += dataCaches[level].writebacks() - writebacksBefore[level];
    }
    endOfStep();
  }

  /** Warmup and finish, checked once an instruction's last element has been placed. */
  private void endOfStep() {
    if (!startsInstruction) {
      return;
    }
    if (atWarmupEnd == null && totalInstructions == warmup) {
      counters.interCoreEvictions = sharedLastLevel == null ? 0
          : sharedLastLevel.interCoreEvictions(id);
      atWarmupEnd = counters.copy();
      warmupRetireCycle = window.youngestRetire();
    }
    if (atWarmupEnd != null && atFinish == null
        && counters.instructions - atWarmupEnd.instructions >= maxInstructions) {
      finish();
    }
  }

  /** One micro-op under the CBP-2025 kit's model: {@code uarchsim_t::step}, in its order. */
  private void stepKit() {
    boolean realCaches = !idealization.perfectCaches();
    long pc = stream.pc();
    if (realCaches) {
      fetchKit(pc);
    }
    boolean hooked = hooks != null && !idealization.perfectBranches();
    if (staged != null && !idealization.perfectBranches()) {
      resolveUpTo(fetchCycle);
    }
    if (hooked) {
      hooksUpTo(fetchCycle);
    }
    window.retireUpTo(fetchCycle);
    long done = executeKit(realCaches, pc);
    BranchKind kind = stream.branchKind();
    long agen = lastStart + core.latencies().addressGeneration();
    if (observer != null) {
      observer.placed(pc, fetchCycle, done);
      observer.placedMicroOp(hooks != null ? hooks.nextSeqNo() : -1, piece, pc, fetchCycle,
          stream.isLoad() || stream.isStore() ? agen : -1, done, lastRetire);
    }
    if (hooked) {
      current.set(hooks.nextSeqNo(), piece, pc, kind);
      try {
        hooks.fetch(current, fetchCycle, agen, done, lastRetire);
      } catch (Throwable e) {
        throw PredictorFailure.threw(trace, e);
      }
    }
    boolean mispredicted = false;
    if (kind != null) {
      if (!idealization.perfectBranches()) {
        mispredicted = branch(pc, kind, stream.taken(), stream.target(), done);
      } else if (kind == BranchKind.CONDITIONAL) {
        counters.conditionalBranches++;
      }
    }
    long fetchedAt = fetchCycle;
    advanceFetch(kind, mispredicted, done);
    kit.previousFetchCycle = fetchedAt;
    // Lane tables keep every cycle a queued prefetch may still take a lane in.
    long base = Math.min(fetchCycle, kit.prefetcher.oldestCycle());
    kit.aluLanes.advanceTo(base);
    kit.memoryLanes.advanceTo(base);
    endOfStep();
  }

  /**
   * The kit searches its instruction cache for every micro-op; a miss holds fetch until the
   * line is there. A micro-op on the line just fetched finds it there, already most recently
   * used (nothing else reaches the instruction cache in between), so only the count changes.
   */
  private void fetchKit(long pc) {
    KitCache ic = kit.instructionCache;
    long address = pc ^ addressTag;
    long line = address >>> lineShift;
    if (line == lastFetchLine) {
      ic.countRepeatedHit();
      counters.fetchAccesses[0]++;
      return;
    }
    lastFetchLine = line;
    long available = ic.access(fetchCycle, address, false);
    countLevels(counters.fetchAccesses, counters.fetchMisses,
        Math.min(ic.missedLevels(), counters.fetchAccesses.length));
    if (available > fetchCycle) {
      counters.instructionCacheStall += available - fetchCycle;
      fetchCycle = available;
    }
  }

  /** A demand access to the kit's data caches: when the data is there, and which level had it. */
  private long dataAccessKit(long cycle, long address) {
    long available = kit.data[0].access(cycle, address, false);
    lastDataSupplier = kit.data[0].missedLevels();
    countLevels(counters.dataAccesses, counters.dataMisses, lastDataSupplier);
    return available;
  }

  private int lastDataSupplier;

  /**
   * Places the current micro-op in time as the kit does: sources (the second and third only
   * when the first is not the zero register), a lane, then for a load address generation, the
   * data cache searched at that cycle and the store queue a cycle later, byte by byte; queued
   * prefetches then take the load/store lanes left free since the previous fetch. Returns the
   * execute (completion) cycle.
   */
  private long executeKit(boolean realCaches, long pc) {
    long ready = fetchCycle + core.fetchToExecute();
    int cause = BASE;
    int zero = stream.zeroRegister();
    int sources = stream.sourceRegisters();
    if (sources > 0 && stream.sourceRegister(0) != zero) {
      for (int i = 0; i < sources; i++) {
        int register = stream.sourceRegister(i);
        if (registerReady[register] > ready) {
          ready = registerReady[register];
          cause = registerCause[register];
        }
      }
    }
    boolean load = stream.isLoad();
    boolean store = stream.isStore();
    CoreConfig.ExecutionLatencies latency = core.latencies();
    long start = load || store ? kit.memoryLanes.schedule(ready) : kit.aluLanes.schedule(ready);
    long done;
    if (load) {
      long agen = start + latency.addressGeneration();
      long address = stream.loadAddress() ^ addressTag;
      kit.prefetcher.onLoad(pc >>> 2, fetchCycle, address);
      long cacheReady = realCaches ? dataAccessKit(agen, address) : agen + dataLatency[0];
      // The store queue is searched the cycle after address generation.
      long searched = agen + 1;
      done = kit.storeQueue.loadReady(address, stream.accessBytes(), searched, cacheReady);
      if (realCaches && lastDataSupplier > 0 && done == cacheReady) {
        cause = lastDataSupplier;
      }
    } else {
      int cycles = switch (stream.executionClass()) {
        case ExecutionClass.FLOATING_POINT -> latency.floatingPoint();
        case ExecutionClass.SLOW_INTEGER -> latency.slowInteger();
        default -> latency.simple();
      };
      done = start + cycles;
    }
    issuePrefetches(realCaches);
    // Only a stream not split into the kit's micro-ops names a base update here (split, it is
    // an ALU micro-op of its own); its write needs only the address, as in the general model.
    writeDestinations(start, done, cause);
    long previousRetire = window.youngestRetire();
    if (store) {
      long address = stream.storeAddress() ^ addressTag;
      // Write-allocate: the store's line is fetched when the store executes.
      long written = realCaches ? dataAccessKit(done, address) : done;
      kit.storeQueue.record(address, stream.accessBytes(), done,
          Math.max(written, previousRetire), fetchCycle);
    }
    lastStart = start;
    lastRetire = Math.max(done, previousRetire);
    window.add(lastRetire, done >= previousRetire ? cause : window.youngestCause());
    return done;
  }

  /** The kit's prefetch drain: each queued prefetch takes a load/store lane left free. */
  private void issuePrefetches(boolean realCaches) {
    KitStridePrefetcher prefetcher = kit.prefetcher;
    while (prefetcher.take(fetchCycle)) {
      boolean issued = false;
      for (long t = Math.max(kit.previousFetchCycle, prefetcher.takenCycle()); t <= fetchCycle;
          t++) {
        if (kit.memoryLanes.bookAt(t)) {
          if (realCaches) {
            kit.data[0].access(t, prefetcher.takenAddress(), true);
            countLevels(counters.dataPrefetches, counters.dataPrefetchMisses,
                kit.data[0].missedLevels());
          }
          issued = true;
          break;
        }
      }
      if (!issued) {
        prefetcher.putBack();
        break;
      }
    }
  }

  /**
   * Places the current instruction in time: when it starts and completes, when its outputs are
   * ready, when it retires. Returns its completion cycle.
   */
  private long execute(boolean realCaches) {
    long ready = fetchCycle + core.fetchToExecute();
    int cause = BASE;
    int zero = stream.zeroRegister();
    for (int i = 0, n = stream.sourceRegisters(); i < n; i++) {
      int register = stream.sourceRegister(i);
      if (register != zero && registerReady[register] > ready) {
        ready = registerReady[register];
        cause = registerCause[register];
      }
    }
    if (registerFile != null) {
      ready = Math.max(ready, registerFile.gate(stream, stream.branchKind() != null));
    }
    if (scheduler != null) {
      ready = Math.max(ready, scheduler.gate());
    }
    boolean load = stream.isLoad();
    boolean store = stream.isStore();
    CoreConfig.ExecutionLatencies latency = core.latencies();
    long start;
    long done;
    if (load) {
      start = lane(memoryLanes, ready);
      long agen = start + latency.addressGeneration();
      long address = stream.loadAddress() ^ addressTag;
      // The cycle the cache is searched: later when the translation is not there in time.
      long access = agen;
      long cached = address;
      if (translation != null && realCaches) {
        cached = translation.data(stream.loadAddress(), start);
        access += translationDelay(latency.addressGeneration() + dataLatency[0]);
      }
      int supplier = realCaches ? dataAccess(cached, false) : 0;
      done = access
          + (supplier == 0 ? dataLatency[0] : latencyOf(dataLatency, supplier, access));
      if (supplier > 0) {
        cause = supplier;
        lineFills.record(cached >>> dataLineShift, done);
      } else {
        long filled = lineFills.readyCycle(cached >>> dataLineShift);
        if (realCaches && core.countMergedMisses() && filled > access) {
          counters.dataMisses[0]++;
        }
        done = Math.max(done, filled);
      }
      // The store queue is searched the cycle after address generation (ChampSim's by the
      // virtual address, before the translation).
      long searched = agen + 1;
      long forwarded = storeQueue.forward(address, searched);
      if (forwarded >= 0) {
        done = Math.max(searched, forwarded);
        cause = BASE;
      }
    } else {
      start = lane(store ? memoryLanes : aluLanes, ready);
      int cycles = switch (stream.executionClass()) {
        case ExecutionClass.FLOATING_POINT -> latency.floatingPoint();
        case ExecutionClass.SLOW_INTEGER -> latency.slowInteger();
        default -> latency.simple();
      };
      done = start + cycles;
    }
    if (scheduler != null) {
      scheduler.started(start);
    }
    writeDestinations(start, done, cause);
    long previousRetire = window.youngestRetire();
    long retire = window.retireSlot(Math.max(done, previousRetire));
    if (store) {
      long address = stream.storeAddress() ^ addressTag;
      long written = done;
      if (realCaches) {
        long cached = address;
        if (translation != null) {
          cached = translation.data(stream.storeAddress(), done);
          written += translationDelay(latency.addressGeneration() + dataLatency[0]);
        }
        int supplier = dataAccess(cached, true);
        if (supplier > 0) {
          written += latencyOf(dataLatency, supplier, written);
          lineFills.record(cached >>> dataLineShift, written);
        } else if (core.countMergedMisses()
            && lineFills.readyCycle(cached >>> dataLineShift) > retire) {
          // ChampSim writes a store into the L1D after it retires.
          counters.dataMisses[0]++;
        }
      }
      storeQueue.record(address, done, Math.max(written, previousRetire));
    }
    if (registerFile != null) {
      registerFile.retire(retire);
    }
    window.add(retire, done >= previousRetire ? cause : window.youngestCause());
    return done;
  }

  /** A lane of the class from {@code ready}, and a slot of the execute width when it has one. */
  private long lane(LaneSchedule lanes, long ready) {
    return executeSlots == null ? lanes.schedule(ready) : lanes.scheduleWith(executeSlots, ready);
  }

  /** Moves fetch on past the current instruction. */
  private void advanceFetch(BranchKind kind, boolean mispredicted, long done) {
    if (window.full()) {
      if (fetchCycle < window.oldestRetire()) {
        fetchedInGroup = 0;
        charge(window.oldestCause(), window.oldestRetire() - fetchCycle, counters);
        fetchCycle = window.oldestRetire();
      }
    } else {
      // A fetch group counts instructions, not the micro-ops they are split into.
      if (stream.lastMicroOp()) {
        fetchedInGroup++;
      }
      boolean stop = fetchedInGroup == core.width();
      if (kind != null) {
        stop |= ++branchesInGroup == core.maxBranchesPerFetch();
        stop |= core.fetchStopsAtIndirect() && kind.isIndirect();
        stop |= core.fetchStopsAtTaken() && stream.taken();
      }
      if (stop) {
        fetchedInGroup = 0;
        branchesInGroup = 0;
        fetchCycle++;
        counters.baseCycles++;
      }
    }
    if (mispredicted) {
      fetchedInGroup = 0;
      branchesInGroup = 0;
      if (done > fetchCycle) {
        counters.branchStall += done - fetchCycle;
        fetchCycle = done;
      }
    }
  }

  private static void charge(int cause, long cycles, CoreCounters to) {
    if (cause == BASE) {
      to.baseCycles += cycles;
    } else {
      to.dataStall[cause] += cycles;
    }
  }

  /** The counters as if the run ended now: the instructions in flight drain first. */
  private CoreCounters withDrain() {
    CoreCounters copy = counters.copy();
    long drain = window.youngestRetire() - fetchCycle;
    if (drain > 0) {
      charge(window.youngestCause(), drain, copy);
    }
    return copy;
  }

  private void finish() {
    if (atFinish == null) {
      if (atWarmupEnd == null) {
        atWarmupEnd = counters.copy();
      }
      counters.interCoreEvictions = sharedLastLevel == null ? 0
          : sharedLastLevel.interCoreEvictions(id);
      atFinish = withDrain();
      finishRetireCycle = window.youngestRetire();
      if (branchesAtStart == null) {
        // The warmup's last instruction has not retired yet; the region starts here.
        branchesAtStart = counters.copy();
      }
    }
  }

  private void fetch(long pc) {
    long address = pc ^ addressTag;
    long line = address >>> lineShift;
    if (line == lastFetchLine) {
      return;
    }
    lastFetchLine = line;
    if (translation != null) {
      address = translation.instruction(pc, fetchCycle);
      // An L1I hit costs nothing past the pipeline's depth; a late translation restarts it.
      long late = translationDelay(fetchLatency[0]);
      counters.instructionCacheStall += late;
      fetchCycle += late;
    }
    long readsBefore = fetchChain.memoryReads();
    long writesBefore = fetchChain.memoryWrites();
    int supplier = fetchChain.access(address, false);
    countLevels(counters.fetchAccesses, counters.fetchMisses, supplier);
    if (supplier > 0) {
      long stall = latencyOf(fetchLatency, supplier, fetchCycle);
      counters.instructionCacheStall += stall;
      fetchCycle += stall;
    }
    otherTraffic(fetchChain, readsBefore, writesBefore, supplier == fetchLatency.length);
  }

  /**
   * Marks when the instruction's destination registers are ready: at {@code done}, except an
   * updated base register, an address computation ready before the data.
   */
  private void writeDestinations(long start, long done, int cause) {
    int zero = stream.zeroRegister();
    int addressReady = core.latencies().simple();
    int baseUpdate = stream.baseUpdateRegister();
    for (int i = 0, n = stream.destinationRegisters(); i < n; i++) {
      int register = stream.destinationRegister(i);
      if (register == zero) {
        continue;
      }
      if (register == baseUpdate) {
        registerReady[register] = start + addressReady;
        registerCause[register] = BASE;
      } else {
        registerReady[register] = done;
        registerCause[register] = cause;
      }
    }
  }

  /**
   * Whether the branch was mispredicted (direction, or target unless targets are perfect).
   * {@code kind} is null for an instruction that is not a branch, which only comes here when
   * the BTB or the predictor looks at every instruction.
   */
  private boolean branch(long pc, BranchKind kind, boolean taken, long target, long done) {
    try {
      if (basicBtb != null) {
        return predictChampSim(pc, kind, taken, target);
      }
      if (kind == null) {
        predictor.predict(pc);
        return false;
      }
      return hooks != null ? predictHooked(pc, kind, taken, target)
          : staged != null ? predictStaged(pc, kind, taken, target, done)
          : predictAndUpdate(pc, kind, taken, target);
    } catch (Throwable e) {
      // The predictor may be a plugin: its failure is reported, not the simulator's.
      throw PredictorFailure.threw(trace, e);
    }
  }

  private boolean predictAndUpdate(long pc, BranchKind kind, boolean taken, long target) {
    boolean mispredicted = false;
    if (kind == BranchKind.CONDITIONAL) {
      counters.conditionalBranches++;
      if (predictor.predict(pc) != taken) {
        counters.directionMispredictions++;
        mispredicted = true;
      }
    } else if (everyInstruction) {
      predictor.predict(pc);
    }
    mispredicted = predictTarget(pc, kind, taken, target, mispredicted);
    predictor.update(pc, target, kind, taken);
    countByType(kind, mispredicted);
    return mispredicted;
  }

  /**
   * ChampSim's front end ({@code O3_CPU::do_predict_branch}) with its {@code basic_btb}, for
   * every instruction ({@code kind} null when not a branch): the BTB's prediction, the
   * predictor's ({@code predict_branch}) ORed with the BTB's {@code always_taken}, the target
   * dropped when the branch is predicted not taken; a branch is mispredicted when that target is
   * not its real one (0 when not taken) or, for a conditional (or other) branch, when the
   * direction is wrong. Then, for a branch, {@code update_btb} and {@code last_branch_result}.
   * A predictor that is not called for every instruction is asked about conditional branches
   * only; another kind then takes {@code always_taken} as its direction.
   */
  private boolean predictChampSim(long pc, BranchKind kind, boolean taken, long target) {
    basicBtb.predict(pc);
    boolean conditional = kind == BranchKind.CONDITIONAL;
    boolean predicted = basicBtb.alwaysTaken();
    if (everyInstruction || conditional) {
      predicted = predictor.predict(pc) || predicted;
    }
    if (kind == null) {
      return false;
    }
    long predictedTarget = predicted ? basicBtb.predictedTarget() : 0;
    long realTarget = taken ? target : 0;
    boolean directionWrong = (conditional || kind == BranchKind.OTHER) && predicted != taken;
    boolean mispredicted = predictedTarget != realTarget || directionWrong;
    if (conditional) {
      counters.conditionalBranches++;
      if (directionWrong) {
        counters.directionMispredictions++;
      } else if (mispredicted) {
        counters.targetMispredictions++;
      }
    } else if (mispredicted) {
      counters.targetMispredictions++;
      if (kind == BranchKind.RETURN) {
        counters.returnMispredictions++;
      }
    }
    countByType(kind, mispredicted);
    basicBtb.update(pc, realTarget, taken, kind);
    predictor.update(pc, target, kind, taken);
    return mispredicted;
  }

  /** ChampSim's six branch types, a branch counted once; its BRANCH_OTHER is left out. */
  private void countByType(BranchKind kind, boolean mispredicted) {
    if (mispredicted && kind != BranchKind.OTHER) {
      counters.mispredictionsByType[kind.ordinal()]++;
    }
  }

  /**
   * The kit's order for a staged predictor: the prediction at fetch, the history update right
   * after it (with the resolved direction, as the kit passes it), and the training queued for
   * when the branch executes (cycle {@code done}). The branch's sequence number is its position
   * in the instruction stream, counted over every pass of the trace.
   */
  private boolean predictStaged(long pc, BranchKind kind, boolean taken, long target,
      long done) {
    long seqNo = totalInstructions - 1;
    // Only taken branches carry a target; the kit's instructions are 4 bytes.
    long nextPc = taken ? target : pc + 4;
    boolean mispredicted = false;
    boolean predicted = staged.fetchBranch(seqNo, pc, kind, taken, nextPc, done);
    if (kind == BranchKind.CONDITIONAL) {
      counters.conditionalBranches++;
      if (predicted != taken) {
        counters.directionMispredictions++;
        mispredicted = true;
      }
    }
    mispredicted = predictTarget(pc, kind, taken, target, mispredicted);
    countByType(kind, mispredicted);
    return mispredicted;
  }

  /**
   * The kit's {@code bp_t::predict} for a hooked predictor: {@code get_cond_dir_prediction} at
   * the fetch cycle and {@code spec_update} at once; the training comes with the micro-op's
   * execute hook, already queued.
   */
  private boolean predictHooked(long pc, BranchKind kind, boolean taken, long target) {
    boolean predicted = hooks.branch(current, fetchCycle);
    boolean mispredicted = false;
    if (kind == BranchKind.CONDITIONAL) {
      counters.conditionalBranches++;
      if (predicted != taken) {
        counters.directionMispredictions++;
        mispredicted = true;
      }
    }
    return predictTarget(pc, kind, taken, target, mispredicted);
  }

  /** Calls the hooks of every event up to {@code cycle}. */
  private void hooksUpTo(long cycle) {
    try {
      hooks.reachFetchCycle(cycle);
    } catch (Throwable e) {
      throw PredictorFailure.threw(trace, e);
    }
  }

  /** The kit's class of the current micro-op, from what the stream says of it. */
  private int kitClass(BranchKind kind) {
    if (kind != null) {
      return switch (kind) {
        case CONDITIONAL -> MicroOp.CONDITIONAL_BRANCH;
        case DIRECT_JUMP -> MicroOp.DIRECT_JUMP;
        case DIRECT_CALL -> MicroOp.DIRECT_CALL;
        case INDIRECT_CALL -> MicroOp.INDIRECT_CALL;
        case RETURN -> MicroOp.RETURN;
        // OTHER (ChampSim's BRANCH_OTHER) has no kit class; no kit trace has one.
        case INDIRECT_JUMP, OTHER -> MicroOp.INDIRECT_JUMP;
      };
    }
    if (stream.isLoad()) {
      return MicroOp.LOAD;
    }
    if (stream.isStore()) {
      return MicroOp.STORE;
    }
    return switch (stream.executionClass()) {
      case ExecutionClass.FLOATING_POINT -> MicroOp.FP;
      case ExecutionClass.SLOW_INTEGER -> MicroOp.SLOW_ALU;
      default -> MicroOp.ALU;
    };
  }

  /**
   * The current micro-op of {@link #stream} as {@link MicroOp}: reads the stream, so it is valid
   * until the next step, as the interface says.
   */
  private final class CurrentMicroOp implements MicroOp {
    private long seqNo;
    private int piece;
    private long pc;
    private int instClass;

    void set(long seq, int pieceOf, long pcOf, BranchKind kind) {
      seqNo = seq;
      piece = pieceOf;
      pc = pcOf;
      instClass = kitClass(kind);
    }

    @Override
    public long seqNo() {
      return seqNo;
    }

    @Override
    public int piece() {
      return piece;
    }

    @Override
    public long pc() {
      return pc;
    }

    @Override
    public int instClass() {
      return instClass;
    }

    @Override
    public int sourceRegisters() {
      return stream.sourceRegisters();
    }

    @Override
    public int sourceRegister(int i) {
      return stream.sourceRegister(i);
    }

    @Override
    public int destinationRegister() {
      return stream.destinationRegisters() == 0 ? -1 : stream.destinationRegister(0);
    }

    @Override
    public boolean accessesMemory() {
      return stream.isLoad() || stream.isStore();
    }

    @Override
    public long memoryAddress() {
      return stream.isLoad() ? stream.loadAddress() : stream.isStore() ? stream.storeAddress() : 0;
    }

    @Override
    public long memoryBytes() {
      return accessesMemory() ? stream.accessBytes() : 0;
    }

    @Override
    public boolean taken() {
      return stream.branchKind() != null && stream.taken();
    }

    @Override
    public long nextPc() {
      // The kit's next_pc: the target of a taken branch, else the next 4-byte instruction.
      return taken() ? stream.target() : pc + 4;
    }
  }

  /** Trains the staged predictor with every branch that has executed by {@code cycle}. */
  private void resolveUpTo(long cycle) {
    try {
      staged.reachFetchCycle(cycle);
    } catch (Throwable e) {
      throw PredictorFailure.threw(trace, e);
    }
  }

  /** Target prediction (BTB, return stack) unless targets are perfect; learns the outcome. */
  private boolean predictTarget(long pc, BranchKind kind, boolean taken, long target,
      boolean directionMispredicted) {
    boolean mispredicted = directionMispredicted;
    if (!core.perfectTargets()) {
      if (kind == BranchKind.RETURN) {
        if (ras.pop() != target) {
          counters.targetMispredictions++;
          counters.returnMispredictions++;
          mispredicted = true;
        }
        ras.learn(target);
      } else if (taken) {
        if (btb.lookup(pc) != target && !mispredicted) {
          counters.targetMispredictions++;
          mispredicted = true;
        }
        btb.update(pc, target);
      }
      if (kind.isCall()) {
        // The return address is the call's fall-through: its pc plus its length, learnt per
        // call site where the trace does not record lengths (x86).
        int bytes = stream.instructionBytes();
        if (bytes > 0) {
          ras.push(pc + bytes);
        } else {
          ras.pushCall(pc);
        }
      }
    }
    return mispredicted;
  }

  /**
   * The cycles the last translation delays a cache access whose tag check takes
   * {@code tagCheck} cycles: none if it is back by then, else all of them, since ChampSim starts
   * the tag check again once the translation is there.
   */
  private long translationDelay(int tagCheck) {
    long cycles = translation.cycles();
    return cycles > tagCheck ? cycles : 0;
  }

  /**
   * A page walk's read of a page-table entry, through the data caches as a load (ChampSim's
   * walker reads through the L1D; the reads are counted there): the cycles until it arrives.
   */
  private long walkRead(long physicalAddress, long at) {
    int supplier = dataAccess(physicalAddress, false);
    long line = physicalAddress >>> dataLineShift;
    if (supplier > 0) {
      long cycles = latencyOf(dataLatency, supplier, at);
      lineFills.record(line, at + cycles);
      return cycles;
    }
    return Math.max(dataLatency[0], lineFills.readyCycle(line) - at);
  }

  /** A load's or store's access to the data caches: returns the level that supplied it. */
  private int dataAccess(long address, boolean write) {
    long readsBefore = dataChain.memoryReads();
    long writesBefore = dataChain.memoryWrites();
    int supplier = dataChain.access(address, write);
    countLevels(counters.dataAccesses, counters.dataMisses, supplier);
    otherTraffic(dataChain, readsBefore, writesBefore, supplier == dataLatency.length);
    return supplier;
  }

  /** Cycles until a block from level {@code supplier} arrives, requested at cycle {@code at}. */
  private long latencyOf(int[] latency, int supplier, long at) {
    if (supplier < latency.length) {
      return latency[supplier];
    }
    return latency[latency.length - 1] + memory.read(at);
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
