package org.bpsim.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.bpsim.replay.RunResult;

/**
 * The columns of a result row, shared by every rendering so that table, CSV and JSON never
 * disagree about names, order or number formatting.
 */
public enum Column {
  TRACE("trace", RunResult::trace),
  PREDICTOR("predictor", RunResult::predictor),
  INSTRUCTIONS("instructions", r -> r.instructions().isPresent() ? r.instructions().getAsLong()
      : null),
  BRANCHES("branches", RunResult::branches),
  CONDITIONAL_BRANCHES("conditional_branches", RunResult::conditionalBranches),
  MISPREDICTIONS("mispredictions", RunResult::mispredictions),
  /** Null when no conditional branch was counted: there is nothing to score. */
  ACCURACY("accuracy", r -> r.counted() ? round(r.accuracy(), 6) : null),
  MPKI("mpki", r -> r.hasMpki() ? round(r.mpki(), 4) : null),
  /** Null when the predictor cannot say its storage. */
  STORAGE_BITS("storage_bits", r -> r.storageKnown() ? r.storageBits() : null),
  /** Null for a predictor that ran to the end; otherwise why it failed. */
  ERROR("error", RunResult::failure);

  public static final List<Column> ALL = List.of(values());

  private final String key;
  private final Function<RunResult, Object> value;

  Column(String key, Function<RunResult, Object> value) {
    this.key = key;
    this.value = value;
  }

  public String key() {
    return key;
  }

  /**
   * The value: a String, a Long, a Double, or null for "not available". A failed row carries no
   * number at all, only its names and its error: whatever it counted before it failed is not a
   * result.
   */
  public Object valueOf(RunResult result) {
    if (result.failed() && this != TRACE && this != PREDICTOR && this != ERROR) {
      return null;
    }
    return value.apply(result);
  }

  /** The value as text; numbers in a fixed locale, "" for not available. */
  public String textOf(RunResult result) {
    Object v = valueOf(result);
    if (v == null) {
      return "";
    }
    if (v instanceof Double) {
      return format((Double) v, this == ACCURACY ? 6 : 4);
    }
    return v.toString();
  }

  static double round(double value, int decimals) {
    return new java.math.BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN)
        .doubleValue();
  }

  static String format(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
