package org.bpsim.replay;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How bpsim keeps a faulty predictor (a plugin) from taking a run down, in one place for the
 * replay and the timing model: whatever a predictor throws, {@link Error}s included, fails that
 * predictor alone ({@link PluginFault} says what it threw on one line); plugin code runs on a
 * {@link PredictorLane} of its own, so that one that never returns is given up after
 * {@code timeout} without progress, and one that calls {@code System.exit} is failed instead of
 * ending bpsim (see {@link PluginExits}).
 *
 * @param timeout how long plugin code may run without progress (one batch of branches in the
 *     replay, one branch in the timing model) before its predictor is failed;
 *     {@link Duration#ZERO} waits for ever
 */
public record PredictorGuard(Duration timeout) {
  /** The default of {@code --predictor-timeout}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
  public static final PredictorGuard DEFAULT = new PredictorGuard(DEFAULT_TIMEOUT);

  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h)");

  public PredictorGuard {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("a timeout cannot be negative");
    }
  }

  /** Whether plugin code may run for ever. */
  public boolean waitsForEver() {
    return timeout.isZero();
  }

  /**
   * Parses a {@code --predictor-timeout} value: an integer with {@code ms}, {@code s}, {@code m}
   * or {@code h} ({@code 5s}, {@code 10m}), or {@code 0} for no timeout.
   *
   * @throws IllegalArgumentException naming the value, when it is none of these
   */
  public static Duration parseTimeout(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    if (trimmed.equals("0")) {
      return Duration.ZERO;
    }
    Matcher matcher = DURATION.matcher(trimmed);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration: give an integer "
          + "with ms, s, m or h (5s, 10m), or 0 for no timeout");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** A duration as the user writes it: {@code 10m}, {@code 1500ms}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0 && millis > 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
