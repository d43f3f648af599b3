package org.bpsim.report;

import java.util.Locale;
import org.bpsim.replay.RunResult;

/** Every number a report shows, formatted in one fixed locale so reports read the same anywhere. */
public final class Numbers {
  private Numbers() {
  }

  public static String grouped(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** {@code decimals} places, or "n/a" for NaN. */
  public static String fixed(double value, int decimals) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** A fraction as a percentage with {@code decimals} places, or "n/a" for NaN. */
  public static String percent(double fraction, int decimals) {
    return Double.isNaN(fraction) ? "n/a"
        : String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * fraction);
  }

  /** A signed percentage, so that "fewer mispredictions" and "more" are told apart at a glance. */
  public static String signedPercent(double fraction, int decimals) {
    return Double.isNaN(fraction) ? "n/a"
        : String.format(Locale.ROOT, "%+." + decimals + "f%%", 100 * fraction);
  }

  /** How tables show a storage the predictor cannot say ({@link RunResult#UNKNOWN_STORAGE}). */
  public static final String UNKNOWN_STORAGE = "n/a";

  /**
   * Storage in kilobytes (1 KB = 1024 bytes), as predictor budgets are quoted; "n/a" when
   * unknown.
   */
  public static String kilobytes(long bits) {
    if (!RunResult.storageKnown(bits)) {
      return UNKNOWN_STORAGE;
    }
    return String.format(Locale.ROOT, "%.2f KB", bits / 8192.0);
  }

  public static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }
}
