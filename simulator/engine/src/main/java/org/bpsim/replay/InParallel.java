package org.bpsim.replay;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one task per input on a fixed pool (one trace per thread is how bpsim uses the cores) and
 * returns the results in input order, so output never depends on scheduling. The first failure,
 * in input order, is rethrown as itself.
 */
public final class InParallel {
  /** Work on one input that may fail with an I/O error. */
  @FunctionalInterface
  public interface Task<T, R> {
    R apply(T input) throws IOException;
  }

  private InParallel() {
  }

  /**
   * @param jobs the most tasks at once; null for one per core
   */
  public static <T, R> List<R> map(List<T> inputs, Integer jobs, Task<T, R> task)
      throws IOException, InterruptedException {
    int threads = Math.max(1, Math.min(inputs.size(),
        jobs == null ? Runtime.getRuntime().availableProcessors() : jobs));
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "bpsim-replay");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T input : inputs) {
        futures.add(pool.submit(() -> task.apply(input)));
      }
      List<R> results = new ArrayList<>(inputs.size());
      for (Future<R> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof IOException) {
            throw (IOException) cause;
          }
          if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
          }
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new IllegalStateException(cause);
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
