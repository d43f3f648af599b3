package org.bpsim.cli;

import java.time.Duration;
import org.bpsim.replay.PredictorGuard;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code -j} and {@code --predictor-timeout}: how a job uses the cores and guards plugins. */
public final class JobOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Cores to use (default: all): traces run in parallel (simulate: the LLC "
          + "modes), and run spreads the predictors of each trace over cores left idle, the "
          + "trace still decoded once.")
  Integer jobs;

  @Option(names = "--predictor-timeout", paramLabel = "DURATION", defaultValue = "10m",
      description = "Fail a plugin predictor that makes no progress for this long (one batch "
          + "of branches; one branch in the timing model): an integer with ms, s, m or h; 0 "
          + "waits for ever (default: ${DEFAULT-VALUE}).")
  String timeout;

  /** The cores asked for, or null for all of them; below 1 is the user's error (exit 2). */
  Integer jobs() {
    if (jobs != null && jobs <= 0) {
      throw new ParameterException(mixee.commandLine(), "--jobs must be > 0, not " + jobs);
    }
    return jobs;
  }

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
