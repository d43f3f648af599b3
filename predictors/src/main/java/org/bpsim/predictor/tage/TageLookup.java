package org.bpsim.predictor.tage;

/**
 * What one TAGE lookup tells the components built on it (the loop predictor's chooser, the
 * statistical corrector): the provider and the alternate (his HitBank and AltBank, 0 for the
 * bimodal), their predictions, the provider's confidence and the path history. Read after
 * {@link TageEngine#predict}; an interface so that a component can be tested on a lookup written
 * by hand.
 */
public interface TageLookup {
  /** HitBank: the provider table, 0 for the bimodal. */
  int hitBank();

  /** AltBank: the alternate table, 0 for the bimodal. */
  int altBank();

  /** LongestMatchPred: the provider's prediction. */
  boolean longestMatchPrediction();

  /** alttaken: the alternate's prediction. */
  boolean alternatePrediction();

  /** HighConf: the provider's counter (the bimodal's state when it provides) is saturated. */
  boolean highConfidence();

  /** MedConf: {@code |2 ctr + 1| = 5}, one step from saturation for 3-bit counters. */
  boolean mediumConfidence();

  /** LowConf: the provider's counter is weak (the bimodal's: not saturated). */
  boolean lowConfidence();

  /** phist, TAGE's path history. */
  long pathHistory();
}
