package org.bpsim.cli;

import java.time.Duration;
import org.bpsim.replay.PredictorGuard;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --predictor-timeout} of run, compare and simulate: how long a plugin may stall. */
public final class PredictorTimeoutOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--predictor-timeout", paramLabel = "DURATION", defaultValue = "10m",
      description = "Fail a plugin predictor that makes no progress for this long (one batch "
          + "of branches; one branch in the timing model): an integer with ms, s, m or h; 0 "
          + "waits for ever (default: ${DEFAULT-VALUE}).")
  String timeout;

  /** The guard the option asks for; a bad value is the user's error (exit 2). */
  PredictorGuard guard() {
    try {
      Duration duration = PredictorGuard.parseTimeout(timeout);
      return new PredictorGuard(duration);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), "--predictor-timeout: " + e.getMessage());
    }
  }
}
