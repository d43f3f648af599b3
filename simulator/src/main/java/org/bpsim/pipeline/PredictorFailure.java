package org.bpsim.pipeline;

import java.nio.file.Path;

/**
 * A branch predictor (typically a plugin) failed inside the timing model: it could not be built
 * or it threw while predicting or updating. Carries the trace and a one-line description, so a
 * command can name the predictor and trace without a stack trace.
 */
public final class PredictorFailure extends RuntimeException {
  private final transient Path trace;

  PredictorFailure(Path trace, String what, Throwable cause) {
    super(what + " " + describe(cause), cause, false, false);
    this.trace = trace;
  }

  /** The trace the failing core was running. */
  public Path trace() {
    return trace;
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message.replace('\n', ' '));
  }
}
