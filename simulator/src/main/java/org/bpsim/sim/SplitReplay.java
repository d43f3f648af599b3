package org.bpsim.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.report.RunResult;

/**
 * One trace through many predictors on several cores: the configurations are split into groups
 * (configuration i into group i mod G), each group is one {@link Replay} pass on a core of its
 * own, and the rows come back in the configurations' order, so the output is the same as one
 * pass. Each group decodes the trace itself: worth it when predictors, not decoding, cost most,
 * and only for a trace that can be read more than once (a regular file, not a stream).
 */
public final class SplitReplay {
  private SplitReplay() {
  }

  /** One replay pass over the trace with some of the configurations, rows in their order. */
  public interface Pass {
    List<RunResult> run(List<PredictorConfig> configs) throws IOException;
  }

  /**
   * How many groups to split each trace's predictors into so that {@code traces} traces keep
   * {@code cores} cores busy: 1 (a plain pass) whenever there are at least as many traces.
   */
  public static int groups(int traces, int predictors, int cores) {
    if (traces <= 0 || traces >= cores) {
      return 1;
    }
    return Math.max(1, Math.min(predictors, (cores + traces - 1) / traces));
  }

  /** Runs {@code configs} as {@code groups} passes in parallel (one plain pass for 1). */
  public static List<RunResult> run(List<PredictorConfig> configs, int groups, Pass pass)
      throws IOException, InterruptedException {
    if (groups <= 1 || configs.size() <= 1) {
      return pass.run(configs);
    }
    List<List<PredictorConfig>> split = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      List<PredictorConfig> members = new ArrayList<>();
      for (int i = g; i < configs.size(); i += groups) {
        members.add(configs.get(i));
      }
      split.add(members);
    }
    List<List<RunResult>> parts = InParallel.map(split, groups, pass::run);
    List<RunResult> rows = new ArrayList<>(configs.size());
    for (int i = 0; i < configs.size(); i++) {
      rows.add(parts.get(i % groups).get(i / groups));
    }
    return rows;
  }
}
