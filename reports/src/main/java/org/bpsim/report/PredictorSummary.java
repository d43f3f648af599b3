package org.bpsim.report;

/**
 * One predictor across every trace of a comparison.
 *
 * @param predictor the canonical spec
 * @param traces how many traces it ran on
 * @param meanMpki arithmetic mean of the per-trace MPKI over the traces that have one (as CBP
 *     scores a predictor), or NaN when none has an instruction count
 * @param meanAccuracy arithmetic mean of the per-trace accuracy
 * @param storageBits the predictor's state in bits
 * @param mispredictions mispredictions summed over its traces
 * @param reductionVsBaseline {@code 1 - mispredictions / baseline's mispredictions}, both summed
 *     over the traces the two share: positive when it mispredicts less than the baseline; NaN when
 *     the baseline made no mispredictions there
 */
public record PredictorSummary(String predictor, int traces, double meanMpki, double meanAccuracy,
    long storageBits, long mispredictions, double reductionVsBaseline) {

  public boolean hasMpki() {
    return !Double.isNaN(meanMpki);
  }

  public double storageKilobytes() {
    return storageBits / 8192.0;
  }
}
