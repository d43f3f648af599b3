package org.bpsim.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.report.RunResult;
import org.bpsim.trace.TraceFormat;

/**
 * One trace through many predictors on several cores: the configurations are split into groups
 * (configuration i into group i mod G), each group is one {@link Replay} pass on a core of its
 * own, and the rows come back in the configurations' order, so the output is the same as one
 * pass. Each group decodes the trace itself: worth it when predictors, not decoding, cost most.
 */
public final class SplitReplay {
  private SplitReplay() {
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

  public static List<RunResult> run(Path trace, String traceName, TraceFormat format,
      ReplayOptions options, List<PredictorConfig> configs, PredictorRegistry registry,
      int groups) throws IOException, InterruptedException {
    if (groups <= 1 || configs.size() <= 1) {
      return new Replay(trace, traceName, format, options).run(configs, registry);
    }
    List<List<PredictorConfig>> split = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      List<PredictorConfig> members = new ArrayList<>();
      for (int i = g; i < configs.size(); i += groups) {
        members.add(configs.get(i));
      }
      split.add(members);
    }
    List<List<RunResult>> parts = InParallel.map(split, groups,
        members -> new Replay(trace, traceName, format, options).run(members, registry));
    List<RunResult> rows = new ArrayList<>(configs.size());
    for (int i = 0; i < configs.size(); i++) {
      rows.add(parts.get(i % groups).get(i / groups));
    }
    return rows;
  }
}
