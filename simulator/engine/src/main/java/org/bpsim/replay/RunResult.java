package org.bpsim.replay;

import java.util.OptionalLong;

/**
 * One predictor on one trace: the row every report is made of.
 *
 * @param trace the trace as the user named it
 * @param predictor the canonical spec, every default filled in
 * @param instructions instructions in the counted region, or empty when the trace has no
 *     instruction counts and the user gave none
 * @param branches branches of every kind in the counted region
 * @param conditionalBranches conditional branches in the counted region (the predicted ones)
 * @param mispredictions mispredicted conditional branches in the counted region
 * @param storageBits the predictor's state in bits, or {@link #UNKNOWN_STORAGE}
 * @param failure why the predictor failed on this trace (a plugin that threw), or null; a
 *     failed row's counts are not meaningful, so its accuracy and MPKI are not available and
 *     every rendering leaves its numbers out
 */
public record RunResult(String trace, String predictor, OptionalLong instructions, long branches,
    long conditionalBranches, long mispredictions, long storageBits, String failure) {

  /**
   * The storage of a predictor that cannot say it: the SPI's {@code
   * BranchPredictor.UNKNOWN_STORAGE} (this module does not depend on the SPI). Every rendering
   * shows it as not available (JSON {@code null}, an empty CSV cell, "n/a") and storage charts
   * leave such a predictor out, naming it.
   */
  public static final long UNKNOWN_STORAGE = -1;

  /** Whether the storage is known (not {@link #UNKNOWN_STORAGE}). */
  public boolean storageKnown() {
    return storageKnown(storageBits);
  }

  public static boolean storageKnown(long storageBits) {
    return storageBits != UNKNOWN_STORAGE;
  }

  /** A row of a predictor that ran to the end. */
  public RunResult(String trace, String predictor, OptionalLong instructions, long branches,
      long conditionalBranches, long mispredictions, long storageBits) {
    this(trace, predictor, instructions, branches, conditionalBranches, mispredictions,
        storageBits, null);
  }

  public boolean failed() {
    return failure != null;
  }

  /** This row marked failed for {@code reason} (a predictor that failed a later step). */
  public RunResult failedWith(String reason) {
    return new RunResult(trace, predictor, instructions, branches, conditionalBranches,
        mispredictions, storageBits, reason);
  }

  /**
   * Whether the counted region held a conditional branch: without one there is nothing to score,
   * and accuracy and MPKI are not available rather than a perfect-looking 1 and 0.
   */
  public boolean counted() {
    return conditionalBranches > 0;
  }

  /**
   * Correctly predicted fraction of conditional branches; NaN when there were none or the
   * predictor failed.
   */
  public double accuracy() {
    if (failed() || !counted()) {
      return Double.NaN;
    }
    return 1.0 - (double) mispredictions / conditionalBranches;
  }

  /**
   * Mispredictions per thousand instructions; NaN when the instruction count is unknown, when no
   * conditional branch was counted, or when the predictor failed.
   */
  public double mpki() {
    if (failed() || !counted() || instructions.isEmpty() || instructions.getAsLong() == 0) {
      return Double.NaN;
    }
    return 1000.0 * mispredictions / instructions.getAsLong();
  }

  public boolean hasMpki() {
    return !Double.isNaN(mpki());
  }
}
