package org.bpsim.predictor.spi;

import java.util.List;

/**
 * Makes predictors of one family from spec strings. Implementations are found with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.bpsim.predictor.spi.PredictorProvider} of the jar.
 * A provider must have a public no-argument constructor and be cheap to construct.
 */
public interface PredictorProvider {

  /** The version of this interface a provider is written against. */
  int SPI_VERSION = 1;

  /** The name users write before the colon, lower case, e.g. {@code gshare}. */
  String name();

  /** One line saying what the predictor is, for {@code bpsim predictors}. */
  String description();

  /** The keys the spec accepts, in the order canonical specs list them. */
  List<Parameter> parameters();

  /** Builds a fresh predictor; the configuration has already been validated against {@link #parameters()}. */
  BranchPredictor create(PredictorConfig config);

  /** The SPI version this provider was compiled against; bpsim refuses ones it does not know. */
  default int spiVersion() {
    return SPI_VERSION;
  }

  /**
   * Extra validation across keys (budgets, combinations); throw a {@link SpecException} to reject.
   * Called after each key has been checked on its own.
   */
  default void validate(PredictorConfig config) {
  }
}
