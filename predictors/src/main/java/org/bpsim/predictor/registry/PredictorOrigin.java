package org.bpsim.predictor.registry;

/**
 * Where a predictor family came from: built into bpsim, or a plugin jar (named by its path).
 */
public record PredictorOrigin(String description, boolean builtIn) {
  public static final PredictorOrigin BUILT_IN = new PredictorOrigin("built-in", true);

  public static PredictorOrigin plugin(java.nio.file.Path jar) {
    return new PredictorOrigin("plugin " + jar, false);
  }

  @Override
  public String toString() {
    return description;
  }
}
