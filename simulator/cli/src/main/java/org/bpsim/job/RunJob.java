package org.bpsim.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.replay.InParallel;
import org.bpsim.replay.Replay;
import org.bpsim.replay.RunResult;
import org.bpsim.replay.SplitReplay;

/**
 * {@code bpsim run}: every trace replayed once through every predictor, traces in parallel, and
 * with fewer traces than cores each trace's predictors spread over the idle ones.
 */
public final class RunJob {
  private RunJob() {
  }

  /** The rows, trace by trace in the order given, predictors in order within a trace. */
  public static List<RunResult> run(RunOptions options, JobListener listener)
      throws IOException, InterruptedException {
    MispredictionFiles lists = options.mispredictions() == null ? null
        : MispredictionFiles.prepare(options.mispredictions(), options.traces(),
            options.predictors());
    if (lists == null) {
      return replayAll(options, listener, null);
    }
    try {
      List<RunResult> results = replayAll(options, listener, lists);
      lists.commit(); // the lists appear only once every trace has replayed, or none
      return results;
    } finally {
      lists.abandon();
    }
  }

  private static List<RunResult> replayAll(RunOptions options, JobListener listener,
      MispredictionFiles lists) throws IOException, InterruptedException {
    int workers = SplitReplay.workers(options.traces().size(), options.predictors().size(),
        options.jobs() == null ? Runtime.getRuntime().availableProcessors() : options.jobs());
    List<RunResult> results = new ArrayList<>();
    for (List<RunResult> perTrace : InParallel.map(options.traces(), options.jobs(),
        file -> replayOne(options, listener, lists, workers, file))) {
      results.addAll(perTrace);
    }
    return results;
  }

  private static List<RunResult> replayOne(RunOptions options, JobListener listener,
      MispredictionFiles lists, int workers, Path file) throws IOException {
    Replay replay = new Replay(file, file.toString(), options.format(), options.window())
        .warnTo(listener::warn).spreadOver(workers);
    if (lists != null) {
      try (MispredictionFiles.TraceLists sink = lists.open(file)) {
        List<RunResult> listed = replay.run(options.predictors(), options.registry(),
            options.guard(), sink);
        sink.finish(listed);
        return listed;
      }
    }
    List<RunResult> rows = replay.run(options.predictors(), options.registry(), null,
        listener::replayed, options.guard());
    listener.traceFinished(file.toString(), Files.isRegularFile(file) ? Files.size(file) : 0,
        rows.get(0).branches(), 0);
    return rows;
  }
}
