package org.bpsim.pipeline;

import java.nio.file.Path;
import org.bpsim.replay.PluginFault;
import org.bpsim.replay.PluginFault.Naming;

/**
 * A branch predictor (typically a plugin) failed inside the timing model: it could not be built
 * or it threw while predicting or updating, or (a plugin) it made no progress within the
 * timeout or called {@code System.exit}. Carries the trace and a one-line description, worded by
 * {@link PluginFault} as the replay's failures are, so a command can name the predictor and trace
 * without a stack trace.
 */
public final class PredictorFailure extends RuntimeException {
  private final transient Path trace;

  private PredictorFailure(Path trace, String reason, Throwable cause) {
    super(reason, cause, false, false);
    this.trace = trace;
  }

  /** The predictor's code threw {@code thrown} (or its lane gave it up) on {@code trace}. */
  static PredictorFailure threw(Path trace, Throwable thrown) {
    return new PredictorFailure(trace, PluginFault.reason(thrown, Naming.SIMPLE), thrown);
  }

  /** Building the predictor for {@code trace} threw {@code thrown}. */
  static PredictorFailure whileBuilding(Path trace, Throwable thrown) {
    return new PredictorFailure(trace, PluginFault.whileBuilding(thrown, Naming.SIMPLE), thrown);
  }

  /** The provider built no predictor for {@code trace}. */
  static PredictorFailure noPredictor(Path trace) {
    return new PredictorFailure(trace, PluginFault.NO_PREDICTOR, null);
  }

  /** The trace the failing core was running. */
  public Path trace() {
    return trace;
  }
}
