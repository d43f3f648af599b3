package org.bpsim.report;

import org.bpsim.replay.RunResult;

/**
 * One predictor across every trace of a comparison.
 *
 * @param predictor the canonical spec
 * @param traces how many traces it ran on
 * @param meanMpki arithmetic mean of the per-trace MPKI over the traces that have one (as CBP
 *     scores a predictor), or NaN when none has an instruction count
 * @param meanAccuracy arithmetic mean of the per-trace accuracy over the traces where a
 *     conditional branch was counted, or NaN when there is none
 * @param storageBits the predictor's state in bits, or {@link RunResult#UNKNOWN_STORAGE}
 * @param mispredictions mispredictions summed over its traces
 * @param reductionVsBaseline {@code 1 - mispredictions / baseline's mispredictions}, both summed
 *     over the traces the two share: positive when it mispredicts less than the baseline; NaN when
 *     the baseline made no mispredictions there
 * @param ranked whether it ran on every trace that any predictor of the comparison ran on
 *     (see {@link Summary#sharedTraces}): only then are its means comparable with the others';
 *     a predictor that lacks traces is shown apart, with its count of traces
 */
public record PredictorSummary(String predictor, int traces, double meanMpki, double meanAccuracy,
    long storageBits, long mispredictions, double reductionVsBaseline, boolean ranked) {

  public boolean hasMpki() {
    return !Double.isNaN(meanMpki);
  }

  public boolean storageKnown() {
    return RunResult.storageKnown(storageBits);
  }

  /** The storage in KB; only meaningful when {@link #storageKnown}. */
  public double storageKilobytes() {
    return storageBits / 8192.0;
  }
}
