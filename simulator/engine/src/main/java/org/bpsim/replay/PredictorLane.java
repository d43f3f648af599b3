package org.bpsim.replay;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * A thread of its own for one plugin predictor's code, so that the thread that waits for it can
 * give it up: when it makes no progress within the timeout, or when it calls
 * {@code System.exit} (the thread that calls it never returns: {@link PluginExits} names it).
 * Java has no safe way to stop a thread, so a lane given up is left behind, a daemon that ends
 * with bpsim; its results are never read again.
 */
public final class PredictorLane implements AutoCloseable {
  /** Every live lane by its thread, for {@link PluginExits} to find the one that exited. */
  private static final Map<Thread, PredictorLane> LANES = new ConcurrentHashMap<>();

  private final ExecutorService executor;
  private final Duration timeout;
  private volatile Future<?> current;
  private volatile String exitReason;

  /** A lane whose thread is named {@code name}, giving work up after {@code guard}'s timeout. */
  public PredictorLane(String name, PredictorGuard guard) {
    this.timeout = guard.timeout();
    this.executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      LANES.put(thread, this);
      return thread;
    });
  }

  /** Starts {@code work} on the lane; {@link #await} its result. */
  public <T> Future<T> submit(Callable<T> work) {
    Future<T> future = executor.submit(work);
    current = future;
    if (exitReason != null) {
      future.cancel(false);
    }
    return future;
  }

  /** Runs {@code work} on the lane and waits for it; no progress within a call is seen. */
  public <T> T call(Callable<T> work) throws PredictorFault, IOException {
    return await(submit(work), null);
  }

  /**
   * Waits for {@code work}'s result. Its own exceptions are rethrown as they are (an
   * {@link IOException}, a {@link RuntimeException} or an {@link Error}).
   *
   * @param progress a count that grows while the work makes progress (read from this thread
   *     without synchronisation: a late value only delays the timeout); null when the work is
   *     one step that must end within the timeout
   * @throws PredictorFault when the work made no progress within the timeout or called
   *     {@code System.exit}
   */
  public <T> T await(Future<T> work, LongSupplier progress) throws PredictorFault, IOException {
    long timeoutNanos = nanos(timeout);
    long slice = progress == null ? timeoutNanos : Math.max(1_000_000, timeoutNanos / 8);
    long seen = progress == null ? 0 : progress.getAsLong();
    long deadline = System.nanoTime() + timeoutNanos;
    while (true) {
      try {
        if (timeoutNanos == 0) {
          return work.get();
        }
        return work.get(Math.min(slice, Math.max(0, deadline - System.nanoTime())),
            TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        long now = progress == null ? seen : progress.getAsLong();
        if (now != seen) {
          seen = now;
          deadline = System.nanoTime() + timeoutNanos;
        } else if (System.nanoTime() - deadline >= 0) {
          giveUp();
          throw new PredictorFault("made no progress for " + PredictorGuard.format(timeout)
              + " (--predictor-timeout), so bpsim gave it up");
        }
      } catch (CancellationException e) {
        throw new PredictorFault(exitReason == null ? "was cancelled" : exitReason);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
          throw io;
        }
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        giveUp();
        throw new InterruptedIOException("interrupted while waiting for a predictor");
      }
    }
  }

  /** The timeout in nanoseconds, a thousand years and more cut to about 73 years. */
  private static long nanos(Duration timeout) {
    try {
      return Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 4;
    }
  }

  /** Whether this lane's plugin called {@code System.exit}. */
  boolean exited() {
    return exitReason != null;
  }

  /** Called by {@link PluginExits}: the lane's thread is stuck in {@code System.exit}. */
  private void exitCalled() {
    exitReason = "called System.exit (bpsim went on without it and exits with code 3)";
    Future<?> work = current;
    if (work != null) {
      work.cancel(false);
    }
  }

  /** Marks the lane whose thread is {@code thread} as exited; false when it is no lane's. */
  static boolean exitCalledOn(Thread thread) {
    PredictorLane lane = LANES.get(thread);
    if (lane == null) {
      return false;
    }
    lane.exitCalled();
    return true;
  }

  private void giveUp() {
    executor.shutdownNow();
  }

  /** Ends the lane's thread once its work is done (a stuck one is left behind). */
  @Override
  public void close() {
    executor.shutdown();
    LANES.values().remove(this);
  }
}
