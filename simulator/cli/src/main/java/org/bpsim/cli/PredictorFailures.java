package org.bpsim.cli;

import java.io.PrintWriter;
import java.util.List;
import org.bpsim.pipeline.PredictorFailure;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.replay.RunResult;

/**
 * A predictor that failed (a faulty plugin) does not stop the others; each failure is named on
 * standard error and the exit code tells scripts the results are incomplete.
 */
final class PredictorFailures {
  private PredictorFailures() {
  }

  /** Names each failed row on {@code err}; returns the exit code the command should give. */
  static int report(List<RunResult> results, PrintWriter err) {
    int failed = 0;
    for (RunResult result : results) {
      if (result.failed()) {
        err.println("bpsim: predictor " + result.predictor() + " failed on " + result.trace()
            + ": " + result.failure());
        failed++;
      }
    }
    err.flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.PREDICTOR_FAILED;
  }

  /** Names a predictor that failed in the timing model, where it has no row of its own. */
  static void report(PredictorConfig predictor, PredictorFailure failure, PrintWriter err) {
    err.println("bpsim: predictor " + predictor.canonicalSpec() + " failed on "
        + failure.trace() + ": " + failure.getMessage());
    err.flush();
  }
}
