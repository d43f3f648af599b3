package org.bpsim.report;

import java.util.List;
import java.util.Locale;
import org.bpsim.replay.RunResult;

/** The line {@code bpsim run} ends with on standard error: how fast the replay went. */
public final class ReplayThroughput {
  private ReplayThroughput() {
  }

  /**
   * The branches of every trace (counted once, not once per predictor) over {@code seconds};
   * {@code results} holds {@code predictors} rows per trace, as a run returns them.
   */
  public static String line(List<RunResult> results, int predictors, double seconds) {
    long branches = 0;
    long conditionals = 0;
    for (int i = 0; i < results.size(); i += predictors) {
      branches += results.get(i).branches();
      conditionals += results.get(i).conditionalBranches();
    }
    return String.format(Locale.ROOT,
        "replayed %,d branches (%,d conditional) x %d predictor(s) in %.2f s: "
            + "%.1f M branches/s%n",
        branches, conditionals, predictors, seconds, branches / seconds / 1e6);
  }
}
