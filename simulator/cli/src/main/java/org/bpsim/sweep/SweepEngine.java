package org.bpsim.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.replay.RunResult;
import org.bpsim.replay.InParallel;
import org.bpsim.replay.Replay;
import org.bpsim.replay.SplitReplay;

/**
 * Runs the pending tasks of a sweep (or of one shard) on this machine and records each in the
 * sweep folder as soon as its trace's pass ends. Tasks already done are skipped, so re-running
 * after a crash runs only what is missing.
 *
 * <p>The pending tasks of one trace run over one decoding of it, so the trace is decoded once
 * for all its configurations (once per shard, since a shard is given its tasks). With at least
 * as many traces as jobs, traces replay side by side, one pass each. With fewer, each trace's
 * configurations are spread over worker threads fed from that one decoding
 * ({@link SplitReplay}), so that one long trace with many configurations uses every core.
 */
public final class SweepEngine {
  /** What a run did: tasks run now, and how many of them failed. */
  public record Outcome(int ran, int failed, int skipped) {
  }

  private SweepEngine() {
  }

  /**
   * @param tasks the tasks to consider (all of them, or a shard's)
   * @param jobs the cores to use (worker threads, and traces at once); null for all
   * @param progress told one line per trace whose pending tasks have finished
   */
  public static Outcome run(SweepPlan plan, SweepFolder folder, List<SweepPlan.Task> tasks,
      PredictorRegistry registry, Integer jobs, Consumer<String> progress)
      throws IOException, InterruptedException {
    Map<Integer, List<Integer>> pendingByTrace = new LinkedHashMap<>();
    int skipped = 0;
    for (SweepPlan.Task task : tasks) {
      if (folder.done(task)) {
        skipped++;
      } else {
        pendingByTrace.computeIfAbsent(task.trace(), t -> new ArrayList<>()).add(task.config());
      }
    }
    int cores = jobs == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, jobs);
    List<Unit> units = new ArrayList<>();
    int total = 0;
    for (Map.Entry<Integer, List<Integer>> entry : pendingByTrace.entrySet()) {
      units.add(new Unit(entry.getKey(), entry.getValue()));
      total += entry.getValue().size();
    }
    int traces = units.size();
    int[] finished = {0};
    int[] failed = {0};
    int all = total;
    InParallel.map(units, cores, unit -> {
      int workers = SplitReplay.workers(traces, unit.configs().size(), cores);
      List<RunResult> rows = replay(plan, unit, registry, workers);
      synchronized (finished) {
        for (int i = 0; i < rows.size(); i++) {
          SweepPlan.Task task = new SweepPlan.Task(unit.trace(), unit.configs().get(i));
          folder.record(task, rows.get(i));
          if (rows.get(i).failed()) {
            failed[0]++;
          }
        }
        finished[0] += rows.size();
        progress.accept(String.format(java.util.Locale.ROOT, "%s: %d task(s) done (%d/%d)%s",
            plan.traceNames().get(unit.trace()), rows.size(), finished[0], all,
            rows.stream().anyMatch(RunResult::failed) ? ", some failed" : ""));
      }
      return rows.size();
    });
    return new Outcome(total, failed[0], skipped);
  }

  /** A trace and its pending configurations, replayed over one decoding of the trace. */
  private record Unit(int trace, List<Integer> configs) {
  }

  /**
   * One decoding of the trace for all the unit's configurations, on {@code workers} threads; a
   * trace that cannot be read (missing since the plan was made, corrupt, a window
   * its format cannot apply) fails each of the unit's tasks with the reason, rather than the run.
   * An interrupt is thrown on, not recorded as the trace's failure.
   */
  private static List<RunResult> replay(SweepPlan plan, Unit unit, PredictorRegistry registry,
      int workers) throws IOException {
    List<PredictorConfig> configs = new ArrayList<>();
    for (int c : unit.configs()) {
      configs.add(plan.configs().get(c));
    }
    String name = plan.traceNames().get(unit.trace());
    try {
      return new Replay(plan.traces().get(unit.trace()), name, plan.traceFormat(),
          plan.options()).spreadOver(workers).run(configs, registry);
    } catch (java.io.InterruptedIOException | java.nio.channels.ClosedByInterruptException e) {
      // the run is being stopped (another trace's failure): nothing is wrong with this trace
      throw e;
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      List<RunResult> rows = new ArrayList<>();
      for (PredictorConfig config : configs) {
        rows.add(new RunResult(name, config.label(), OptionalLong.empty(), 0, 0, 0, 0,
            "trace failed: " + message.replace('\n', ' ')));
      }
      return rows;
    }
  }
}
