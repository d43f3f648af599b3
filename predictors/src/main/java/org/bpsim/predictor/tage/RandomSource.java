package org.bpsim.predictor.tage;

/** Where a predictor component takes its pseudo-random numbers from. */
public interface RandomSource {
  /** The next 32 pseudo-random bits. */
  int next();
}
