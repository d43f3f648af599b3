package org.bpsim.replay;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;

/**
 * Replays one trace through several predictors, each batch decoded once and handed to every
 * predictor, so adding a predictor costs its own work only: on the calling thread in a single
 * pass, or with the predictors spread over threads of their own while the calling thread
 * decodes ({@link #spreadOver}, {@link SplitReplay}).
 *
 * <p>Semantics (CBP-2016): every conditional branch is predicted, then the predictor learns its
 * outcome at once; every other branch is shown to the predictor but never counted. A branch is
 * counted when its instruction position lies after the warmup and at most {@code warmup + max}.
 */
public final class Replay {
  private final Path trace;
  private final String traceName;
  private final TraceFormat format;
  private final ReplayOptions options;
  private Consumer<String> warnings = System.err::println;
  private int workers = 1;
  private int poolBatches;

  public Replay(Path trace, String traceName, TraceFormat format, ReplayOptions options) {
    this.trace = trace;
    this.traceName = traceName;
    this.format = format;
    this.options = options;
  }

  /**
   * Where warnings go, one line each (standard error unless told): what is wrong with the
   * trace's metadata without stopping the replay, and a counted window with no conditional
   * branch, whose accuracy and MPKI are then not available.
   */
  public Replay warnTo(Consumer<String> sink) {
    this.warnings = sink;
    return this;
  }

  /**
   * Spreads the predictors over {@code workers} threads of their own while the calling thread
   * decodes the trace, once (see {@link SplitReplay}; {@link SplitReplay#workers} says how many
   * keep the cores busy). 1, the default, is one pass on the calling thread; more than the
   * predictors is one per predictor. The rows are the same whatever the count. Per-branch
   * statistics are recorded in one pass only.
   */
  public Replay spreadOver(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("a replay needs at least one thread, not " + workers);
    }
    this.workers = workers;
    return this;
  }

  /** The number of batches a split replay passes round (tests bound it; 0: the default). */
  Replay poolOf(int batches) {
    this.poolBatches = batches;
    return this;
  }

  /**
   * Runs {@code predictors} (fresh instances) over the trace and returns one result per predictor,
   * in the same order, labelled with {@code specs}.
   */
  public List<RunResult> run(List<String> specs, List<BranchPredictor> predictors)
      throws IOException {
    return run(specs, predictors, null, null);
  }

  /**
   * As {@link #run(List, List)}, and also counts per static branch into {@code statistics}
   * (when not null; sized for these predictors) and reports each replayed batch's branch count
   * to {@code progress} (when not null; when spread, from the workers' threads). Without them the
   * replay runs exactly as fast as before.
   */
  public List<RunResult> run(List<String> specs, List<BranchPredictor> predictors,
      BranchStatistics statistics, LongConsumer progress) throws IOException {
    return run(specs, inline(predictors), statistics, progress, null);
  }

  /**
   * Builds one fresh predictor per configuration and runs them all. A predictor that cannot be
   * built, or throws anything while running, or (a plugin) makes no progress within the timeout
   * or calls {@code System.exit}, gets a failed row with the reason; the others run to the end
   * regardless (see {@link PredictorGuard}).
   */
  public List<RunResult> run(List<PredictorConfig> configs, PredictorRegistry registry)
      throws IOException {
    return run(configs, registry, (BranchStatistics) null, null);
  }

  /** {@link #run(List, PredictorRegistry)} with per-branch statistics and progress. */
  public List<RunResult> run(List<PredictorConfig> configs, PredictorRegistry registry,
      BranchStatistics statistics, LongConsumer progress) throws IOException {
    return run(configs, registry, statistics, progress, PredictorGuard.DEFAULT);
  }

  /**
   * {@link #run(List, PredictorRegistry, BranchStatistics, LongConsumer)} with plugins given up
   * after {@code guard}'s timeout without progress on one batch.
   */
  public List<RunResult> run(List<PredictorConfig> configs, PredictorRegistry registry,
      BranchStatistics statistics, LongConsumer progress, PredictorGuard guard)
      throws IOException {
    return run(configs, registry, statistics, progress, guard, null);
  }

  /**
   * {@link #run(List, PredictorRegistry)} that also hands every counted misprediction of each
   * predictor to {@code mispredictions}, batch by batch (see {@link MispredictionSink}), with
   * plugins guarded by {@code guard}.
   */
  public List<RunResult> run(List<PredictorConfig> configs, PredictorRegistry registry,
      PredictorGuard guard, MispredictionSink mispredictions) throws IOException {
    return run(configs, registry, null, null, guard, mispredictions);
  }

  private List<RunResult> run(List<PredictorConfig> configs, PredictorRegistry registry,
      BranchStatistics statistics, LongConsumer progress, PredictorGuard guard,
      MispredictionSink sink) throws IOException {
    List<String> specs = new ArrayList<>();
    GuardedPredictor[] guarded = new GuardedPredictor[configs.size()];
    try {
      for (int p = 0; p < configs.size(); p++) {
        PredictorConfig config = configs.get(p);
        specs.add(config.label());
        guarded[p] = GuardedPredictor.build(config, registry, guard, traceName);
      }
      return run(specs, guarded, statistics, progress, sink);
    } finally {
      for (GuardedPredictor predictor : guarded) {
        if (predictor != null) {
          predictor.close();
        }
      }
    }
  }

  private static GuardedPredictor[] inline(List<BranchPredictor> predictors) {
    GuardedPredictor[] guarded = new GuardedPredictor[predictors.size()];
    for (int p = 0; p < guarded.length; p++) {
      guarded[p] = GuardedPredictor.inline(predictors.get(p));
    }
    return guarded;
  }

  private List<RunResult> run(List<String> specs, GuardedPredictor[] guarded,
      BranchStatistics statistics, LongConsumer progress, MispredictionSink sink)
      throws IOException {
    int count = guarded.length;
    if (statistics != null && statistics.predictors() != count) {
      throw new IllegalArgumentException("statistics sized for " + statistics.predictors()
          + " predictors, not " + count);
    }
    if (statistics != null && sink != null) {
      throw new IllegalArgumentException("per-branch statistics and misprediction lists are "
          + "not recorded in the same replay");
    }
    int threads = Math.max(1, Math.min(workers, count));
    if (statistics != null && threads > 1) {
      throw new IllegalArgumentException("per-branch statistics are one table that every "
          + "predictor writes to, so they are recorded in one pass, not on " + threads
          + " threads");
    }
    long instructions;
    TraceWindow window;
    try (TraceReader reader = TraceOpener.branches(trace, format)) {
      window = new TraceWindow(trace, reader, options);
      if (sink != null) {
        for (GuardedPredictor predictor : guarded) {
          predictor.listMispredictions(BranchBatch.DEFAULT_CAPACITY);
        }
      }
      if (threads == 1) {
        PredictorGroup all = PredictorGroup.all(guarded);
        ReplayBatch decoded = new ReplayBatch(new BranchBatch());
        while (window.next(decoded)) {
          int[] slots = statistics == null ? null
              : statistics.record(decoded.batch, decoded.start, decoded.stop);
          all.feed(decoded, slots, statistics, sink);
          if (progress != null) {
            progress.accept(decoded.size);
          }
        }
      } else {
        SplitReplay.run(window, PredictorGroup.split(guarded, count), threads,
            poolBatches > 0 ? poolBatches : SplitReplay.DEFAULT_POOL, progress, sink, traceName);
      }
      instructions = window.countedInstructions();
      reader.warnings().forEach(warnings);
      if (window.conditionals() == 0) {
        long warmup = options.warmupInstructions();
        warnings.accept(trace + (window.instructionsKnown() && warmup > 0
            && !window.stoppedEarly() && instructions == 0
            ? ": the warmup of " + warmup + " instructions covers the whole trace ("
                + reader.instructionsRead() + " instructions), so nothing is counted"
            : ": no conditional branch in the counted window") + "; accuracy and MPKI are n/a");
      }
    }
    OptionalLong counted = window.instructionsKnown() ? OptionalLong.of(instructions)
        : options.instructions();
    List<RunResult> results = new ArrayList<>(count);
    for (int p = 0; p < count; p++) {
      long storage = guarded[p].storageBits();
      String failure = guarded[p].failure();
      results.add(new RunResult(traceName, specs.get(p), counted, window.branches(),
          window.conditionals(), failure == null ? guarded[p].mispredictions() : 0, storage,
          failure));
    }
    return results;
  }

  private static final byte CONDITIONAL = BranchKind.CONDITIONAL.code();
  private static final BranchKind[] KINDS = BranchKind.values();

  /**
   * Conditional branches among {@code kind[start, stop)}. Kinds follow each other with little
   * pattern, so a test per entry would mispredict often: this counts eight entries at a time,
   * as the zero bytes of {@code kinds ^ CONDITIONAL}, without a branch.
   */
  static int countConditionals(byte[] kind, int start, int stop) {
    int count = 0;
    int i = start;
    for (; i + 8 <= stop; i += 8) {
      long differs = (long) KIND_WORDS.get(kind, i) ^ CONDITIONAL_BYTES;
      // kind codes are below 0x80, so adding 0x7f sets a byte's top bit exactly when the byte
      // is not zero, without a carry into the next byte
      count += 8 - Long.bitCount((differs + 0x7f7f7f7f7f7f7f7fL) & 0x8080808080808080L);
    }
    for (; i < stop; i++) {
      count += ((kind[i] ^ CONDITIONAL) - 1) >>> 31;
    }
    return count;
  }

  private static final VarHandle KIND_WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long CONDITIONAL_BYTES = 0x0101010101010101L * CONDITIONAL;

  /**
   * Feeds entries {@code [0, stop)} of the batch to one predictor and returns the mispredictions
   * among entries {@code [start, stop)}. This loop is the whole cost of a predictor in a replay.
   */
  public static long replay(BranchPredictor predictor, BranchBatch batch, int start, int stop) {
    long[] pc = batch.pc;
    long[] target = batch.target;
    byte[] kind = batch.kind;
    boolean[] taken = batch.taken;
    // The warmup entries go through a loop of their own so that the counting loop has no test
    // of the index; a misprediction is added as 0 or 1 rather than branched on, because the
    // host processor tends to mispredict exactly where the simulated predictor does.
    int warm = Math.min(start, stop);
    for (int i = 0; i < warm; i++) {
      byte k = kind[i];
      if (k == CONDITIONAL) {
        predictor.predict(pc[i]);
      }
      predictor.update(pc[i], target[i], KINDS[k], taken[i]);
    }
    long missed = 0;
    for (int i = warm; i < stop; i++) {
      byte k = kind[i];
      boolean outcome = taken[i];
      if (k == CONDITIONAL) {
        missed += predictor.predict(pc[i]) != outcome ? 1 : 0;
      }
      predictor.update(pc[i], target[i], KINDS[k], outcome);
    }
    return missed;
  }

  /**
   * {@link #replay} that also records each counted misprediction: its entry in the batch into
   * {@code missedAt} and its index among the trace's conditional branches (the first of this
   * batch being {@code firstIndex}) into {@code missedIndex}. A copy rather than a flag, so that
   * the plain loop keeps no extra work in its body. Returns the number recorded, which is the
   * number of counted mispredictions.
   */
  static int replayListing(BranchPredictor predictor, BranchBatch batch, int start, int stop,
      long firstIndex, int[] missedAt, long[] missedIndex) {
    long[] pc = batch.pc;
    long[] target = batch.target;
    byte[] kind = batch.kind;
    boolean[] taken = batch.taken;
    long index = firstIndex;
    int listed = 0;
    for (int i = 0; i < stop; i++) {
      byte k = kind[i];
      if (k == CONDITIONAL) {
        if (predictor.predict(pc[i]) != taken[i] && i >= start) {
          missedAt[listed] = i;
          missedIndex[listed] = index;
          listed++;
        }
        index++;
      }
      predictor.update(pc[i], target[i], KINDS[k], taken[i]);
    }
    return listed;
  }


  /**
   * {@link #replay} that also charges each counted misprediction to its static branch: a copy
   * rather than a flag, so that the plain loop keeps no extra branch in its body.
   */
  public static long replayCounting(BranchPredictor predictor, BranchBatch batch, int start,
      int stop, int[] slots, BranchStatistics statistics, int index) {
    long[] pc = batch.pc;
    long[] target = batch.target;
    byte[] kind = batch.kind;
    boolean[] taken = batch.taken;
    long missed = 0;
    for (int i = 0; i < stop; i++) {
      byte k = kind[i];
      if (k == CONDITIONAL) {
        boolean predicted = predictor.predict(pc[i]);
        if (predicted != taken[i] && i >= start) {
          missed++;
          statistics.mispredicted(slots[i], index);
        }
      }
      predictor.update(pc[i], target[i], KINDS[k], taken[i]);
    }
    return missed;
  }
}
