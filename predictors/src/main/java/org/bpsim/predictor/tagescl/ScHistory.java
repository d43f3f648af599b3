package org.bpsim.predictor.tagescl;

/** Which history a GEHL component of the statistical corrector is indexed with. */
public enum ScHistory {
  /** Outcomes of the conditional branches. */
  GLOBAL,
  /** Taken backward conditional branches (loop-closing behaviour), one bit per conditional. */
  BACKWARD,
  /** TAGE's path history. */
  PATH,
  /** Per-branch local history, first table (most entries). */
  LOCAL,
  /** A second local history, fewer entries, hashed with the address. */
  SECOND_LOCAL,
  /** A third local history, few entries. */
  THIRD_LOCAL,
  /** IMLI: the outcomes seen at the same inner-loop iteration number (Seznec, MICRO 2015). */
  IMLI_OUTCOMES,
  /** IMLI: the inner-most loop iteration counter itself. */
  IMLI_COUNT
}
