package org.bpsim.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.bpsim.cache.Cache;
import org.bpsim.cache.CacheConfig;
import org.bpsim.cache.CacheHierarchy;
import org.bpsim.cache.Inclusion;
import org.bpsim.cache.replacement.ReplacementContext;
import org.bpsim.cache.replacement.ReplacementPolicies;
import org.bpsim.machine.MachineConfig;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.replay.PredictorFault;
import org.bpsim.replay.PredictorGuard;
import org.bpsim.replay.PredictorLane;
import org.bpsim.error.UserException;

/**
 * Runs one trace per core on a machine, advancing the cores in simulated time: the core that is
 * furthest behind always executes next, so their LLC and memory accesses interleave in time
 * order. A core whose trace ends before the others restarts it to keep competing, but only its
 * first pass (after its warmup, up to its instruction limit) counts (the ChampSim convention);
 * the run ends when every core has finished its counted part.
 */
public final class Simulation {
  private final MachineConfig machine;
  private final Supplier<BranchPredictor> predictors;
  private final boolean separateAddressSpaces;
  private final long warmup;
  private final long maxInstructions;
  private final Idealization idealization;
  private final ReplacementPolicies policies = ReplacementPolicies.builtIn();
  /** Null: the cores run on the caller's thread, trusted; else on a watched lane. */
  private PredictorGuard guard;

  public Simulation(MachineConfig machine, Supplier<BranchPredictor> predictors,
      boolean separateAddressSpaces, long warmup, long maxInstructions) {
    this(machine, predictors, separateAddressSpaces, warmup, maxInstructions, Idealization.NONE);
  }

  /** A simulation with parts of the machine made perfect, for limit studies. */
  public Simulation(MachineConfig machine, Supplier<BranchPredictor> predictors,
      boolean separateAddressSpaces, long warmup, long maxInstructions,
      Idealization idealization) {
    this.idealization = idealization;
    this.machine = machine;
    this.predictors = predictors;
    this.separateAddressSpaces = separateAddressSpaces;
    this.warmup = warmup;
    this.maxInstructions = maxInstructions;
    checkPolicies(machine.instructionCache());
    machine.dataCaches().levels().forEach(this::checkPolicies);
  }

  private void checkPolicies(CacheConfig level) {
    if (policies.resolve(level.replacement()).provider().needsFuture()) {
      throw new UserException(level.name() + ": replacement '" + level.replacement()
          + "' needs future knowledge, which only cache-only runs (bpsim cache) provide");
    }
  }

  /**
   * Runs the cores, and so the predictor, on a {@link PredictorLane} of their own, so that a
   * predictor (a plugin) that makes no progress within {@code guard}'s timeout, or calls
   * {@code System.exit}, ends in a {@link PredictorFailure} rather than a hung or ended bpsim.
   */
  public Simulation guardedBy(PredictorGuard predictorGuard) {
    this.guard = predictorGuard;
    return this;
  }

  /** Runs {@code traces} together, then each alone, in {@code mode}. */
  public SimulationResult runWithBaselines(List<Path> traces, LlcMode mode, String predictorName)
      throws IOException {
    List<CoreResult> together = run(traces, mode);
    List<Double> alone = new ArrayList<>();
    for (int i = 0; i < traces.size(); i++) {
      if (traces.size() == 1) {
        alone.add(together.get(0).ipc());
      } else {
        alone.add(runAlone(traces.get(i), mode, traces.size()).ipc());
      }
    }
    return new SimulationResult(mode, machine.name(), predictorName, together, alone);
  }

  /** One trace on one core, with the LLC it would get in {@code mode} among {@code cores}. */
  CoreResult runAlone(Path trace, LlcMode mode, int cores) throws IOException {
    return runCores(List.of(trace), () -> build(List.of(trace), mode, cores)).get(0);
  }

  /** Runs {@code traces}, one per core, and returns each core's counted figures. */
  public List<CoreResult> run(List<Path> traces, LlcMode mode) throws IOException {
    return runCores(traces, () -> build(traces, mode, traces.size()));
  }

  /** Sees every micro-op each core places (tests and timing comparisons); usually null. */
  Core.MicroOpObserver observer;

  private List<CoreRunner> build(List<Path> traces, LlcMode mode, int llcShare)
      throws IOException {
    int n = traces.size();
    MainMemory memory = new MainMemory(machine.memory());
    List<CacheConfig> data = machine.dataCaches().levels();
    CacheConfig llcConfig = machine.lastLevel();
    Inclusion inclusion = machine.dataCaches().inclusion();
    Cache shared = null;
    if (mode == LlcMode.SHARED) {
      shared = newCache(llcConfig);
      shared.trackOwners(n);
    }
    List<Cache> sharedPeers = new ArrayList<>();
    List<CoreRunner> runners = new ArrayList<>();
    List<CacheHierarchy[]> chains = new ArrayList<>();
    for (int core = 0; core < n; core++) {
      Cache llc = shared != null ? shared : newCache(privateShare(llcConfig, llcShare));
      Cache l1i = newCache(machine.instructionCache());
      Cache l1d = newCache(data.get(0));
      List<Cache> middle = new ArrayList<>();
      for (int level = 1; level < data.size() - 1; level++) {
        middle.add(newCache(data.get(level)));
      }
      List<Cache> fetchLevels = new ArrayList<>();
      fetchLevels.add(l1i);
      fetchLevels.addAll(middle);
      fetchLevels.add(llc);
      List<Cache> dataLevels = new ArrayList<>();
      dataLevels.add(l1d);
      dataLevels.addAll(middle);
      dataLevels.add(llc);
      CacheHierarchy fetch = new CacheHierarchy(fetchLevels, inclusion);
      CacheHierarchy dataChain = new CacheHierarchy(dataLevels, inclusion);
      List<Cache> above = new ArrayList<>();
      above.add(l1i);
      above.add(l1d);
      above.addAll(middle);
      if (shared != null) {
        sharedPeers.addAll(above);
      } else {
        fetch.setInclusionPeers(above);
        dataChain.setInclusionPeers(above);
      }
      chains.add(new CacheHierarchy[] {fetch, dataChain});
      BranchPredictor predictor = newPredictor(traces.get(core));
      Core c = new Core(core, traces.get(core), machine, predictor, fetch,
          dataChain, shared, memory, separateAddressSpaces, warmup, maxInstructions, idealization);
      c.observer = observer;
      runners.add(new CoreRunner(c, machine, dataLevels, fetchLevels, shared, predictor));
    }
    if (shared != null) {
      for (CacheHierarchy[] pair : chains) {
        pair[0].setInclusionPeers(sharedPeers);
        pair[1].setInclusionPeers(sharedPeers);
      }
    }
    return runners;
  }

  private static CacheConfig privateShare(CacheConfig llc, int cores) {
    if (cores == 1) {
      return llc;
    }
    long size = llc.sizeBytes() / cores;
    try {
      return new CacheConfig(llc.name(), size, llc.ways(), llc.lineBytes(), llc.latency(),
          llc.replacement());
    } catch (IllegalArgumentException e) {
      throw new UserException("private LLC: " + llc.sizeBytes() + " bytes split over " + cores
          + " cores: " + e.getMessage());
    }
  }

  private BranchPredictor newPredictor(Path trace) {
    BranchPredictor predictor;
    try {
      predictor = predictors.get();
    } catch (Throwable e) {
      throw PredictorFailure.whileBuilding(trace, e);
    }
    if (predictor == null) {
      throw PredictorFailure.noPredictor(trace);
    }
    return predictor;
  }

  private Cache newCache(CacheConfig config) {
    ReplacementPolicies.Resolved resolved = policies.resolve(config.replacement());
    return new Cache(config, resolved.provider().create(new ReplacementContext(config.name(),
        config.sets(), config.ways(), resolved.values(), null)));
  }

  /** Builds the cores (and their predictors); may fail with an I/O error. */
  @FunctionalInterface
  private interface CoreBuilder {
    List<CoreRunner> build() throws IOException;
  }

  /**
   * Builds and steps the cores: on the caller's thread without a guard, else on a lane, the
   * predictors' construction included, watched for progress.
   */
  private List<CoreResult> runCores(List<Path> traces, CoreBuilder cores) throws IOException {
    if (guard == null) {
      List<CoreRunner> runners = cores.build();
      try {
        return stepCores(runners);
      } finally {
        closePredictors(runners);
      }
    }
    AtomicReference<List<CoreRunner>> built = new AtomicReference<>(List.of());
    String name = "bpsim-timing-model on " + traces.get(0).getFileName();
    try (PredictorLane lane = new PredictorLane(name, guard)) {
      return lane.await(lane.submit(() -> {
        List<CoreRunner> runners = cores.build();
        built.set(runners);
        return stepCores(runners);
      }), () -> {
        long progress = 0;
        for (CoreRunner runner : built.get()) {
          progress += runner.core.progress();
        }
        return progress;
      });
    } catch (PredictorFault fault) {
      // the core furthest behind is the one being stepped, so the one whose predictor hangs
      Path trace = traces.get(0);
      long earliest = Long.MAX_VALUE;
      for (CoreRunner runner : built.get()) {
        if (runner.core.now() < earliest) {
          earliest = runner.core.now();
          trace = runner.core.trace();
        }
      }
      throw PredictorFailure.threw(trace, fault);
    } finally {
      closePredictors(built.get());
    }
  }

  /**
   * Ends the predictors that hold a resource (a native predictor's child process; one given up
   * by the lane is killed, which also frees the lane's thread).
   */
  private static void closePredictors(List<CoreRunner> runners) {
    for (CoreRunner runner : runners) {
      if (runner.predictor instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          // the run's result is known; nothing more is read from it
        }
      }
    }
  }

  private static List<CoreResult> stepCores(List<CoreRunner> runners) throws IOException {
    try {
      if (runners.size() == 1) {
        Core core = runners.get(0).core;
        while (!core.finished()) {
          core.step();
        }
      } else {
        int unfinished = runners.size();
        while (unfinished > 0) {
          Core next = runners.get(0).core;
          for (CoreRunner runner : runners) {
            if (runner.core.now() < next.now()) {
              next = runner.core;
            }
          }
          boolean wasFinished = next.finished();
          next.step();
          if (!wasFinished && next.finished()) {
            unfinished--;
          }
        }
      }
      List<CoreResult> results = new ArrayList<>();
      for (CoreRunner runner : runners) {
        results.add(runner.result());
      }
      return results;
    } finally {
      for (CoreRunner runner : runners) {
        runner.core.close();
      }
    }
  }

  /** A core with what it needs to describe its results. */
  private static final class CoreRunner {
    final Core core;
    final MachineConfig machine;
    final List<Cache> dataLevels;
    final List<Cache> fetchLevels;
    final Cache shared;
    long occupancyAtFinish = -1;

    final BranchPredictor predictor;

    CoreRunner(Core core, MachineConfig machine, List<Cache> dataLevels, List<Cache> fetchLevels,
        Cache shared, BranchPredictor predictor) {
      this.predictor = predictor;
      this.core = core;
      this.machine = machine;
      this.dataLevels = dataLevels;
      this.fetchLevels = fetchLevels;
      this.shared = shared;
    }

    CoreResult result() {
      CoreCounters c = core.counted();
      // A warmup that covers the whole trace counts nothing: every rate is then not available
      // (NaN), as in run, rather than refused or made up.
      double instructions = c.instructions == 0 ? Double.NaN : c.instructions;
      long cycles = c.cycles();
      Map<String, Double> stack = new LinkedHashMap<>();
      stack.put("base", (double) c.baseCycles / instructions);
      stack.put("branch", (double) c.branchStall / instructions);
      stack.put("icache", (double) c.instructionCacheStall / instructions);
      for (int level = 1; level < dataLevels.size(); level++) {
        stack.put(dataLevels.get(level).config().name(),
            (double) c.dataStall[level] / instructions);
      }
      stack.put("memory", (double) c.dataStall[dataLevels.size()] / instructions);
      return new CoreResult(core.id(), core.trace().toString(), c.instructions, cycles,
          c.instructions == 0 ? Double.NaN : cycles == 0 ? 0 : (double) c.instructions / cycles,
          c.conditionalBranches,
          c.directionMispredictions, c.targetMispredictions, c.returnMispredictions,
          1000.0 * (c.directionMispredictions + c.targetMispredictions) / instructions, stack,
          levels(fetchLevels, c.fetchAccesses, c.fetchMisses, null, null, null, instructions),
          levels(dataLevels, c.dataAccesses, c.dataMisses, c.dataWritebacks, c.dataPrefetches,
              c.dataPrefetchMisses, instructions),
          shared == null ? -1 : shared.occupancy(core.id()), c.interCoreEvictions,
          BranchTypes.byKey(c.mispredictionsByType), core.translationCounts(c));
    }

    /** Writebacks are reported on the data side (instruction lines are never dirty). */
    private static List<LevelResult> levels(List<Cache> caches, long[] accesses, long[] misses,
        long[] writebacks, long[] prefetches, long[] prefetchMisses, double instructions) {
      List<LevelResult> results = new ArrayList<>();
      for (int i = 0; i < caches.size(); i++) {
        results.add(new LevelResult(caches.get(i).config().name(), accesses[i],
            accesses[i] - misses[i], misses[i], 1000.0 * misses[i] / instructions,
            writebacks == null ? 0 : writebacks[i], prefetches == null ? 0 : prefetches[i],
            prefetchMisses == null ? 0 : prefetchMisses[i]));
      }
      return results;
    }
  }
}
