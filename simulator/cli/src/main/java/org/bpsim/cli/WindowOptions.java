package org.bpsim.cli;

import java.util.OptionalLong;
import org.bpsim.replay.ReplayOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --warmup-instructions} and {@code --max-instructions}: the window of each trace that is
 * counted, the same in run, compare, simulate and sweep.
 */
public final class WindowOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--warmup-instructions", paramLabel = "N",
      description = "Run but do not count the first N instructions of each trace (each core "
          + "in simulate): predictors train, caches warm (default: 0; in sweep, the spec's "
          + "warmup_instructions).")
  Long warmupInstructions;

  @Option(names = "--max-instructions", paramLabel = "N",
      description = "Stop after N counted instructions, after the warmup (default: the whole "
          + "trace; in sweep, the spec's max_instructions).")
  Long maxInstructions;

  /** The counted window: the options given, else these defaults; bad values exit 2. */
  Window window(long defaultWarmup, Long defaultMax) {
    long warmup = warmupInstructions != null ? warmupInstructions : defaultWarmup;
    Long max = maxInstructions != null ? maxInstructions : defaultMax;
    if (warmup < 0) {
      throw new ParameterException(mixee.commandLine(),
          "--warmup-instructions must be >= 0, not " + warmup);
    }
    if (max != null && max <= 0) {
      throw new ParameterException(mixee.commandLine(),
          "--max-instructions must be > 0, not " + max);
    }
    return new Window(warmup, max == null ? Long.MAX_VALUE : max);
  }

  /** The window of a command whose defaults are: no warmup, the whole trace. */
  Window window() {
    return window(0, null);
  }

  /**
   * The replay's options: the window as {@link #window(long, Long)} gives it, and the
   * instruction count of traces that carry none.
   */
  ReplayOptions replay(long defaultWarmup, Long defaultMax, OptionalLong instructions) {
    Window counted = window(defaultWarmup, defaultMax);
    return new ReplayOptions(counted.warmup(), counted.max(), instructions);
  }

  /** The instructions skipped, then the most counted ({@code Long.MAX_VALUE}: no limit). */
  record Window(long warmup, long max) {
  }
}
