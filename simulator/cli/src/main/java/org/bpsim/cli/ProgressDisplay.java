package org.bpsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.bpsim.job.JobListener;

/**
 * Progress of a comparison on standard error: a bar redrawn in place on a terminal, one line per
 * finished trace otherwise (logs and CI).
 *
 * <p>Work is measured in trace file bytes, the only size known before decoding. Once finished
 * traces make up a twentieth of the bytes, their branches per byte estimate how many branches the
 * rest hold, so the bar also moves while the remaining traces are being replayed; until then the
 * ETA is shown as unknown.
 */
final class ProgressDisplay implements JobListener, AutoCloseable {
  private static final int BAR = 28;

  private final PrintWriter err;
  private final boolean terminal;
  private final int traces;
  private final long totalBytes;
  /** Some trace is a pipe or device, of unknown size: no bar, no ETA, only what was read. */
  private final boolean sizeUnknown;
  private final long started = System.nanoTime();
  private final LongAdder branches = new LongAdder();
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicLong finishedBytes = new AtomicLong();
  private final AtomicLong finishedBranches = new AtomicLong();
  private final ScheduledExecutorService ticker;
  private int lastWidth;
  private double shown;

  ProgressDisplay(PrintWriter err, boolean terminal, int traces, long totalBytes) {
    this(err, terminal, traces, totalBytes, false);
  }

  /**
   * @param sizeUnknown whether some trace is a stream (a pipe, standard input, a device) whose
   *     size is unknown, perhaps endless: the line then says how much has been read
   */
  ProgressDisplay(PrintWriter err, boolean terminal, int traces, long totalBytes,
      boolean sizeUnknown) {
    this.sizeUnknown = sizeUnknown;
    this.err = err;
    this.terminal = terminal;
    this.traces = traces;
    this.totalBytes = Math.max(1, totalBytes);
    if (terminal) {
      ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bpsim-progress");
        thread.setDaemon(true);
        return thread;
      });
      ticker.scheduleAtFixedRate(this::redraw, 0, 250, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  /**
   * The progress of a job over {@code files}, measured by their sizes (a stream makes the size
   * unknown): a bar on a {@code terminal}, else one line per finished trace.
   */
  static ProgressDisplay over(PrintWriter err, boolean terminal, List<Path> files)
      throws IOException {
    long bytes = 0;
    boolean streams = false;
    for (Path file : files) {
      if (Files.isRegularFile(file)) {
        bytes += Files.size(file);
      } else {
        streams = true;
      }
    }
    return new ProgressDisplay(err, terminal, files.size(), bytes, streams);
  }

  /** A listener that only prints warnings, each on a line of its own, from any thread. */
  static JobListener warningsTo(PrintWriter err) {
    return new JobListener() {
      @Override
      public void warn(String line) {
        synchronized (err) {
          err.println("bpsim: warning: " + line);
          err.flush();
        }
      }
    };
  }

  /** Called by replay threads after every decoded batch. */
  @Override
  public void replayed(long count) {
    branches.add(count);
  }

  @Override
  public void traceFinished(String trace, long bytes, long traceBranches, double seconds) {
    int done = finished.incrementAndGet();
    finishedBytes.addAndGet(bytes);
    finishedBranches.addAndGet(traceBranches);
    if (!terminal) {
      synchronized (this) {
        err.printf(Locale.ROOT, "compare: [%d/%d] %s: %,d branches in %.1f s (%s)%n", done,
            traces, trace, traceBranches, seconds, status());
        err.flush();
      }
    }
  }

  /** A warning of a replay thread, on a line of its own (the bar, if any, is redrawn after). */
  @Override
  public void warn(String line) {
    note("bpsim: warning: " + line);
  }

  /** A status line, on a line of its own (the bar, if any, is redrawn after). */
  @Override
  public synchronized void note(String line) {
    if (terminal) {
      err.print("\r" + " ".repeat(lastWidth) + "\r");
      lastWidth = 0;
    }
    err.println(line);
    err.flush();
  }

  /**
   * Finished traces' branches per byte say little until they are a fair part of the work: small
   * traces compress far better than large ones.
   */
  private boolean enoughEvidence() {
    return finishedBytes.get() * 20 >= totalBytes;
  }

  /** The estimate never moves back: a bar that shrinks reads as a fault. */
  private synchronized double fraction() {
    long bytes = finishedBytes.get();
    double estimate = (double) bytes / totalBytes;
    if (enoughEvidence()) {
      double branchesPerByte = (double) finishedBranches.get() / bytes;
      estimate = Math.max(estimate,
          Math.min(0.99, branches.sum() / (branchesPerByte * totalBytes)));
    }
    shown = Math.max(shown, estimate);
    return shown;
  }

  private String status() {
    double seconds = (System.nanoTime() - started) / 1e9;
    double rate = seconds > 0 ? branches.sum() / seconds / 1e6 : 0;
    double f = fraction();
    String eta = f <= 0 || !enoughEvidence() ? "--:--" : clock(seconds * (1 - f) / f);
    return String.format(Locale.ROOT, "%3.0f%%, %.1f M branches/s, ETA %s", 100 * f, rate, eta);
  }

  private synchronized void redraw() {
    if (sizeUnknown) {
      double seconds = (System.nanoTime() - started) / 1e9;
      long read = branches.sum();
      String line = String.format(Locale.ROOT, "reading: %,d branches so far, %.1f M branches/s, "
          + "%d/%d traces done (size unknown: a stream)", read,
          seconds > 0 ? read / seconds / 1e6 : 0, finished.get(), traces);
      err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
      err.flush();
      lastWidth = line.length();
      return;
    }
    double f = fraction();
    int filled = (int) Math.round(f * BAR);
    String line = String.format(Locale.ROOT, "[%s%s] %d/%d traces  %s", "#".repeat(filled),
        "-".repeat(BAR - filled), finished.get(), traces, status());
    err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
    err.flush();
    lastWidth = line.length();
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      try {
        ticker.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      redraw();
      err.println();
      err.flush();
    }
  }
}
