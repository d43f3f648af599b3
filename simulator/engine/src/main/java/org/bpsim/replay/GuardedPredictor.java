package org.bpsim.replay;

import java.io.IOException;
import java.util.concurrent.Future;
import org.bpsim.predictor.cbpnative.BatchPredictor;
import org.bpsim.predictor.cbpnative.NativeKinds;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.replay.PluginFault.Naming;
import org.bpsim.trace.BranchBatch;

/**
 * One predictor of a replay with what keeps its faults its own. A built-in runs on the
 * replay's thread, its batch inside one catch of every {@link Throwable}: nothing per branch. A
 * plugin is built and fed on a {@link PredictorLane}: each batch is handed to the lane while
 * the replay's thread feeds the built-ins, then awaited with the timeout. The first fault fails
 * the predictor for the rest of the trace, and its instance is dropped (an
 * {@link OutOfMemoryError}'s garbage goes with it).
 */
final class GuardedPredictor implements AutoCloseable {
  private BranchPredictor predictor;
  private final PredictorLane lane;
  private String failure;
  private long mispredictions;
  private Future<Long> pending;
  // the listing path's buffers (null without --mispredictions) and this batch's count in them
  private int[] missedAt;
  private long[] missedIndex;
  private int listed;
  private Playback playback;

  private GuardedPredictor(BranchPredictor predictor, PredictorLane lane, String failure) {
    this.predictor = predictor;
    this.lane = lane;
    this.failure = failure;
  }

  /** A predictor built by the caller, run on the replay's thread. */
  static GuardedPredictor inline(BranchPredictor predictor) {
    return new GuardedPredictor(predictor, null, null);
  }

  /** Builds {@code config}'s predictor: inline for a built-in, on a lane of its own otherwise. */
  static GuardedPredictor build(PredictorConfig config, PredictorRegistry registry,
      PredictorGuard guard, String traceName) throws IOException {
    // a native predictor's code is another process's, which may loop: it gets a lane too
    boolean builtIn = registry.origin(config.name()).builtIn()
        && !NativeKinds.isNative(config.name());
    PredictorLane lane = builtIn ? null
        : new PredictorLane("bpsim-plugin " + config.canonicalSpec() + " on " + traceName, guard);
    GuardedPredictor guarded = new GuardedPredictor(null, lane, null);
    try {
      BranchPredictor built = lane == null ? registry.create(config)
          : lane.call(() -> registry.create(config));
      if (built == null) {
        guarded.fail(PluginFault.NO_PREDICTOR);
      }
      guarded.predictor = built;
    } catch (java.io.InterruptedIOException e) {
      guarded.close();
      throw e;
    } catch (Throwable e) {
      guarded.fail(PluginFault.whileBuilding(e, Naming.QUALIFIED));
    }
    return guarded;
  }

  boolean failed() {
    return failure != null;
  }

  /** Why it failed, or null. */
  String failure() {
    return failure;
  }

  /** Counted mispredictions so far. */
  long mispredictions() {
    return mispredictions;
  }

  boolean onLane() {
    return lane != null;
  }

  /** Records each counted misprediction from now on, for batches of up to {@code capacity}. */
  void listMispredictions(int capacity) {
    missedAt = new int[capacity];
    missedIndex = new long[capacity];
  }

  /**
   * How many mispredictions the last finished batch recorded in {@link #missedAt()} and
   * {@link #missedIndex()} (see {@link MispredictionSink}); 0 once failed.
   */
  int listed() {
    return failure == null ? listed : 0;
  }

  int[] missedAt() {
    return missedAt;
  }

  long[] missedIndex() {
    return missedIndex;
  }

  private long feed(BranchPredictor p, BranchBatch batch, int start, int stop, int[] slots,
      BranchStatistics statistics, int index, long firstIndex) throws IOException {
    if (p instanceof BatchPredictor whole) {
      // the batch crosses to the predictor at once; the loops below then read its answers
      if (playback == null) {
        playback = new Playback(batch.capacity());
      }
      playback.load(whole, batch, stop);
      p = playback;
    }
    if (missedAt != null) {
      return Replay.replayListing(p, batch, start, stop, firstIndex, missedAt, missedIndex);
    }
    return slots == null ? Replay.replay(p, batch, start, stop)
        : Replay.replayCounting(p, batch, start, stop, slots, statistics, index);
  }

  /**
   * Feeds the batch to the predictor: at once on this thread for a built-in, handed to the lane
   * for a plugin ({@link #finishBatch} then waits for it). {@code slots} null: no statistics.
   */
  void startBatch(BranchBatch batch, int start, int stop, int[] slots,
      BranchStatistics statistics, int index, long firstIndex) {
    listed = 0;
    if (failure != null) {
      return;
    }
    BranchPredictor p = predictor;
    if (lane != null) {
      pending = lane.submit(
          () -> feed(p, batch, start, stop, slots, statistics, index, firstIndex));
      return;
    }
    try {
      long missed = feed(p, batch, start, stop, slots, statistics, index, firstIndex);
      mispredictions += missed;
      listed = (int) missed;
    } catch (Throwable e) {
      failInBatch(e, batch);
    }
  }

  /** Waits for a batch handed to the lane; nothing to do for a built-in. */
  void finishBatch(BranchBatch batch) throws IOException {
    Future<Long> work = pending;
    if (work == null) {
      return;
    }
    pending = null;
    try {
      long missed = lane.await(work, null);
      mispredictions += missed;
      listed = (int) missed;
    } catch (java.io.InterruptedIOException e) {
      throw e;
    } catch (Throwable e) {
      failInBatch(e, batch);
    }
  }

  private void failInBatch(Throwable e, BranchBatch batch) {
    fail(PluginFault.reason(e, Naming.QUALIFIED) + PluginFault.inBatch(batch.position[0]));
  }

  /** The predictor's storage, or 0 once it has failed (asking may fail it). */
  long storageBits() throws IOException {
    if (failure != null) {
      return 0;
    }
    BranchPredictor p = predictor;
    long storage;
    try {
      storage = lane == null ? p.storageBits() : lane.call(p::storageBits);
    } catch (java.io.InterruptedIOException e) {
      throw e;
    } catch (Throwable e) {
      fail(PluginFault.inStorageBits(PluginFault.reason(e, Naming.QUALIFIED)));
      return 0;
    }
    if (storage < 0 && storage != BranchPredictor.UNKNOWN_STORAGE) {
      fail(PluginFault.negativeStorage(storage));
      return 0;
    }
    return storage;
  }

  private void fail(String reason) {
    if (failure == null) {
      failure = reason;
    }
    release();
    pending = null;
  }

  /** Drops the predictor; one that holds a process (a native one) ends it. */
  private void release() {
    if (predictor instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // it has failed or finished; nothing more is read from it
      }
    }
    predictor = null;
  }

  /** Lets the lane's thread end (a stuck one stays behind, a daemon). */
  @Override
  public void close() {
    release();
    if (lane != null) {
      lane.close();
    }
  }

  /**
   * A batch predictor's answers for one batch, handed out in order as {@code predict} is asked,
   * so the replay's own loops (counting, listing, statistics) serve batch predictors unchanged.
   */
  private static final class Playback implements BranchPredictor {
    private boolean[] predictions;
    private int next;

    Playback(int capacity) {
      predictions = new boolean[capacity];
    }

    void load(BatchPredictor whole, BranchBatch batch, int stop) throws IOException {
      if (predictions.length < stop) {
        predictions = new boolean[batch.capacity()];
      }
      whole.predictBatch(batch.pc, batch.target, batch.kind, batch.taken, batch.position, stop,
          predictions);
      next = 0;
    }

    @Override
    public boolean predict(long pc) {
      return predictions[next];
    }

    @Override
    public void update(long pc, long target, org.bpsim.predictor.spi.BranchKind kind,
        boolean taken) {
      next++;
    }

    @Override
    public long storageBits() {
      return 0;
    }
  }
}
