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
import org.bpsim.report.RunResult;
import org.bpsim.sim.InParallel;
import org.bpsim.sim.Replay;

/**
 * Runs the pending tasks of a sweep (or of one shard) on this machine and records each in the
 * sweep folder as soon as its trace's pass ends. Tasks already done are skipped, so re-running
 * after a crash runs only what is missing.
 *
 * <p>Tasks of one trace run in one replay pass, so the trace is decoded once for all its
 * configurations. When there are fewer traces than jobs, each trace's configurations are split
 * into groups replayed side by side, so that one long trace with many configurations uses every
 * core (each group then decodes the trace itself).
 */
public final class SweepEngine {
  /** What a run did: tasks run now, and how many of them failed. */
  public record Outcome(int ran, int failed, int skipped) {
  }

  private SweepEngine() {
  }

  /**
   * @param tasks the tasks to consider (all of them, or a shard's)
   * @param jobs the most replays at once; null for one per core
   * @param progress told one line per finished group of tasks
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
    int groupsPerTrace = pendingByTrace.isEmpty() ? 1
        : Math.max(1, (cores + pendingByTrace.size() - 1) / pendingByTrace.size());
    List<Unit> units = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> entry : pendingByTrace.entrySet()) {
      List<Integer> configs = entry.getValue();
      int groups = Math.min(groupsPerTrace, configs.size());
      for (int g = 0; g < groups; g++) {
        // configuration i goes to group i mod groups: neighbours in a grid often cost alike
        List<Integer> members = new ArrayList<>();
        for (int i = g; i < configs.size(); i += groups) {
          members.add(configs.get(i));
        }
        units.add(new Unit(entry.getKey(), members));
      }
    }
    int total = 0;
    for (Unit unit : units) {
      total += unit.configs().size();
    }
    int[] finished = {0};
    int[] failed = {0};
    int all = total;
    InParallel.map(units, cores, unit -> {
      List<RunResult> rows = replay(plan, unit, registry);
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

  /** A trace and some of its configurations, replayed in one pass. */
  private record Unit(int trace, List<Integer> configs) {
  }

  /**
   * One pass; a trace that cannot be read (missing since the plan was made, corrupt, a window
   * its format cannot apply) fails each of the unit's tasks with the reason, rather than the run.
   */
  private static List<RunResult> replay(SweepPlan plan, Unit unit, PredictorRegistry registry) {
    List<PredictorConfig> configs = new ArrayList<>();
    for (int c : unit.configs()) {
      configs.add(plan.configs().get(c));
    }
    String name = plan.traceNames().get(unit.trace());
    try {
      return new Replay(plan.traces().get(unit.trace()), name, plan.traceFormat(),
          plan.options()).run(configs, registry);
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      List<RunResult> rows = new ArrayList<>();
      for (PredictorConfig config : configs) {
        rows.add(new RunResult(name, config.canonicalSpec(), OptionalLong.empty(), 0, 0, 0, 0,
            "trace failed: " + message.replace('\n', ' ')));
      }
      return rows;
    }
  }
}
