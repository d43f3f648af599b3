package org.bpsim.pipeline;

import java.nio.file.Path;
import org.bpsim.replay.PredictorGuard;

/**
 * A branch predictor (typically a plugin) failed inside the timing model: it could not be built
 * or it threw while predicting or updating, or (a plugin) it made no progress within the
 * timeout or called {@code System.exit}. Carries the trace and a one-line description, so a
 * command can name the predictor and trace without a stack trace.
 */
public final class PredictorFailure extends RuntimeException {
  private final transient Path trace;

  PredictorFailure(Path trace, String what, Throwable cause) {
    super(what + " " + PredictorGuard.describeBriefly(cause), cause, false, false);
    this.trace = trace;
  }

  /** The predictor was given up by its lane's watchdog: {@code reason} says why. */
  PredictorFailure(Path trace, String reason) {
    super(reason, null, false, false);
    this.trace = trace;
  }

  /** The trace the failing core was running. */
  public Path trace() {
    return trace;
  }
}
