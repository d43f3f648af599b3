package org.bpsim.replay;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.bpsim.trace.BranchBatch;

/**
 * One trace through many predictors on several cores, the trace decoded once: the thread that
 * runs the replay decodes, and a few worker threads share the predictors batch by batch. Each
 * predictor still sees every batch in trace order, one batch at a time, so its row (its failure
 * too) is that of one pass, whichever thread replayed which batch.
 *
 * <p>Predictors, not groups fixed in advance, are the unit of work: a worker takes the
 * predictor that is furthest behind among those with a decoded batch to replay, replays its
 * decoded batches one after the other (a turn, at most {@link #BATCHES_PER_TURN}) and puts it
 * back. Predictors cost very differently (a TAGE-SC-L ten times a gshare), so fixed groups
 * would leave the cores of the cheap ones idle; this way the cores stay busy unless one
 * predictor alone costs more than a core's share.
 *
 * <p>Batches go round a bounded pool: the decoder takes a free one (waiting when all are out),
 * fills it and publishes it; it is free again once every predictor has replayed it, which
 * happens in trace order since each predictor replays in order. Memory is the pool's whatever
 * the trace's length, and the decoder runs at most the pool's size ahead of the slowest
 * predictor. A stream (standard input, a pipe) works as a file does, being read once.
 *
 * <p>What is no predictor's fault ends the replay with the first such error: a damaged trace
 * (the reader's one-line message, naming file and offset), a failing sink, an interrupt. The
 * workers are then interrupted and awaited, so no thread outlives the replay. All the state
 * below is guarded by one lock, taken a few times per batch and predictor, never per branch.
 */
public final class SplitReplay {
  /**
   * Batches in the pool: how far the fastest predictor may run ahead of the slowest, so that a
   * worker briefly descheduled (the decoder shares the cores with the workers) or a costly
   * stretch of the trace for one predictor does not stall the others. 213 KB a batch.
   */
  static final int DEFAULT_POOL = 16;
  /**
   * The most batches a worker replays through one predictor before it takes the furthest behind
   * again: the predictor's tables stay in that core's caches meanwhile. A turn of one batch
   * cost about 15 % more CPU time than one pass on two cores, a turn of 8 almost none; half the
   * pool lets the other predictors still fall that far behind before the decoder waits.
   */
  static final int BATCHES_PER_TURN = DEFAULT_POOL / 2;

  private final TraceWindow window;
  private final PredictorGroup[] predictors;
  private final int poolSize;
  private final LongConsumer progress;
  private final MispredictionSink sink;
  private final String traceName;
  private final Thread[] workers;

  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when a batch is freed (the decoder waits) or the replay fails. */
  private final Condition batchFreed = lock.newCondition();
  /** Signalled when a predictor has a batch to replay, or the replay ends or fails. */
  private final Condition workReady = lock.newCondition();
  /** Batches in flight by sequence number: batch s is {@code ring[s % poolSize]}. */
  private final ReplayBatch[] ring;
  private final ReplayBatch[] free;
  private int freeCount;
  private int made;
  /** Batches published by the decoder. */
  private long decoded;
  /** Per predictor, the sequence number of the next batch it replays. */
  private final long[] next;
  private final ReadyPredictors ready;
  /** Predictors that have replayed every batch decoded so far. */
  private final int[] caughtUp;
  private int caughtUpCount;
  private int busy;
  private boolean ended;
  private Throwable failure;

  private SplitReplay(TraceWindow window, PredictorGroup[] predictors, int threads, int poolSize,
      LongConsumer progress, MispredictionSink sink, String traceName) {
    this.window = window;
    this.predictors = predictors;
    this.poolSize = poolSize;
    this.progress = progress;
    this.sink = sink;
    this.traceName = traceName;
    this.workers = new Thread[threads];
    this.ring = new ReplayBatch[poolSize];
    this.free = new ReplayBatch[poolSize];
    this.next = new long[predictors.length];
    this.ready = new ReadyPredictors(next);
    this.caughtUp = new int[predictors.length];
    for (int p = 0; p < predictors.length; p++) {
      caughtUp[caughtUpCount++] = p;
    }
  }

  /**
   * How many worker threads replay each trace's predictors so that {@code traces} traces keep
   * {@code cores} cores busy: 1 (a plain pass on the calling thread, no thread of its own for
   * decoding) whenever there are at least as many traces. Otherwise one per core the trace has
   * to itself, at most one per predictor. The decoding thread then shares the cores with the
   * workers: on two cores two workers and the decoder measure faster than one worker beside the
   * decoder, since replaying many predictors costs several times what decoding does.
   */
  public static int workers(int traces, int predictors, int cores) {
    if (traces <= 0 || traces >= cores) {
      return 1;
    }
    return Math.max(1, Math.min(predictors, (cores + traces - 1) / traces));
  }

  /**
   * Replays the whole window through {@code predictors} (one member each) on {@code threads}
   * worker threads, this thread decoding. {@code progress} (when not null) is told each batch's
   * size once every predictor has replayed it. {@code sink} (when not null) is called from the
   * workers, one call at a time per predictor, in trace order.
   */
  static void run(TraceWindow window, PredictorGroup[] predictors, int threads, int poolSize,
      LongConsumer progress, MispredictionSink sink, String traceName) throws IOException {
    if (poolSize < 1) {
      throw new IllegalArgumentException("a pool needs at least one batch, not " + poolSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("a split replay needs a worker, not " + threads);
    }
    new SplitReplay(window, predictors, threads, poolSize, progress, sink, traceName).run();
  }

  private void run() throws IOException {
    int started = 0;
    boolean interrupted = false;
    try {
      for (; started < workers.length; started++) {
        Thread worker = new Thread(this::work,
            "bpsim-replay " + (started + 1) + "/" + workers.length + " of " + traceName);
        worker.setDaemon(true);
        workers[started] = worker;
        worker.start();
      }
      decode();
    } catch (InterruptedException e) {
      interrupted = true;
      fail(interruptedWhile("waiting for a free batch"));
    } catch (Throwable e) {
      fail(e);
    } finally {
      lock.lock();
      try {
        ended = true;
        workReady.signalAll();
      } finally {
        lock.unlock();
      }
      if (failed()) {
        // a worker waiting for a plugin's lane gives it up at once
        interruptWorkers(started);
      }
      interrupted |= join(started);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    Throwable error = failure;
    if (error instanceof IOException io) {
      throw io;
    }
    if (error instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (error instanceof Error fatal) {
      throw fatal;
    }
    if (error != null) {
      throw new IllegalStateException(error);
    }
  }

  /** Decodes into free batches and publishes each, until the end of the window or a fault. */
  private void decode() throws IOException, InterruptedException {
    while (true) {
      ReplayBatch batch;
      lock.lockInterruptibly();
      try {
        while (freeCount == 0 && made == poolSize && failure == null) {
          batchFreed.await();
        }
        if (failure != null) {
          return;
        }
        if (freeCount > 0) {
          batch = free[--freeCount];
        } else {
          made++;
          batch = null;
        }
      } finally {
        lock.unlock();
      }
      if (batch == null) {
        batch = new ReplayBatch(new BranchBatch());
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      if (!window.next(batch)) {
        return;
      }
      lock.lock();
      try {
        batch.readers = predictors.length;
        ring[(int) (decoded % poolSize)] = batch;
        decoded++;
        // every predictor that was waiting for this batch can replay it
        for (int i = 0; i < caughtUpCount; i++) {
          ready.add(caughtUp[i]);
        }
        caughtUpCount = 0;
        workReady.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** A worker: replays a turn of batches through the furthest-behind ready predictor. */
  private void work() {
    lock.lock();
    try {
      while (true) {
        int p = -1;
        int run = 0;
        while (failure == null) {
          if (p < 0) {
            p = ready.poll();
            run = 0;
            if (p < 0) {
              break;
            }
          }
          long sequence = next[p];
          ReplayBatch batch = ring[(int) (sequence % poolSize)];
          busy++;
          lock.unlock();
          try {
            predictors[p].feed(batch, null, null, sink);
          } finally {
            lock.lock();
          }
          busy--;
          next[p] = sequence + 1;
          if (--batch.readers == 0) {
            release(batch);
          }
          if (next[p] < decoded) {
            if (++run < BATCHES_PER_TURN) {
              continue;
            }
            ready.add(p);
          } else {
            caughtUp[caughtUpCount++] = p;
          }
          p = -1;
        }
        if (failure != null || (ended && busy == 0 && ready.isEmpty())) {
          workReady.signalAll();
          return;
        }
        workReady.await();
      }
    } catch (InterruptedException e) {
      fail(interruptedWhile("waiting for a batch"));
    } catch (Throwable e) {
      fail(e);
    } finally {
      if (lock.isHeldByCurrentThread()) {
        lock.unlock();
      }
    }
  }

  /**
   * Frees the oldest batch in flight, which every predictor has now replayed (with the lock
   * held). Each predictor replays in order, so batches are freed in the order decoded.
   */
  private void release(ReplayBatch batch) {
    free[freeCount++] = batch;
    batchFreed.signal();
    if (progress != null) {
      progress.accept(batch.size);
    }
  }

  private void fail(Throwable error) {
    lock.lock();
    try {
      if (failure == null) {
        failure = error;
      }
      batchFreed.signalAll();
      workReady.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private boolean failed() {
    lock.lock();
    try {
      return failure != null;
    } finally {
      lock.unlock();
    }
  }

  private InterruptedIOException interruptedWhile(String doing) {
    return new InterruptedIOException("interrupted while " + doing + " of " + traceName);
  }

  private void interruptWorkers(int started) {
    for (int w = 0; w < started; w++) {
      workers[w].interrupt();
    }
  }

  /**
   * Waits for every started worker to end, even when interrupted meanwhile (the workers are
   * then interrupted too); returns whether this thread was.
   */
  private boolean join(int started) {
    boolean interrupted = false;
    for (int w = 0; w < started; w++) {
      while (true) {
        try {
          workers[w].join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          fail(interruptedWhile("waiting for the workers"));
          interruptWorkers(started);
        }
      }
    }
    return interrupted;
  }

  /**
   * The predictors that have a decoded batch to replay and no worker, furthest behind first
   * (the lowest next batch; the lowest index among equals): a binary heap of indices, so that
   * picking allocates nothing.
   */
  private static final class ReadyPredictors {
    private final long[] key;
    private final int[] heap;
    private int size;

    ReadyPredictors(long[] key) {
      this.key = key;
      this.heap = new int[key.length];
    }

    boolean isEmpty() {
      return size == 0;
    }

    void add(int p) {
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!before(p, heap[parent])) {
          break;
        }
        heap[i] = heap[parent];
        i = parent;
      }
      heap[i] = p;
    }

    /** The first predictor, removed; -1 when none. */
    int poll() {
      if (size == 0) {
        return -1;
      }
      int first = heap[0];
      int last = heap[--size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && before(heap[child + 1], heap[child])) {
          child++;
        }
        if (!before(heap[child], last)) {
          break;
        }
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
      return first;
    }

    private boolean before(int a, int b) {
      return key[a] < key[b] || (key[a] == key[b] && a < b);
    }
  }
}
