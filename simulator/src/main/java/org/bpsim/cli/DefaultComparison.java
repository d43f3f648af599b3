package org.bpsim.cli;

import java.util.ArrayList;
import java.util.List;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;
import org.bpsim.predictor.spi.SpecException;
import org.bpsim.spec.Spec;

/**
 * The predictors {@code bpsim compare} runs when none are named: the classics, then whichever of
 * the stronger families this build knows, each at the CBP 64 KB budget where it takes one.
 */
final class DefaultComparison {
  static final List<String> CANDIDATES = List.of("bimodal", "gshare", "tage:budget=64KB",
      "tage-sc-l:budget=64KB", "perceptron");

  private DefaultComparison() {
  }

  /** The candidates this registry can build; missing families are skipped, not errors. */
  static List<PredictorConfig> predictors(PredictorRegistry registry) {
    List<String> known = new ArrayList<>();
    for (PredictorProvider provider : registry.providers()) {
      known.add(provider.name());
    }
    List<PredictorConfig> configs = new ArrayList<>();
    for (String candidate : CANDIDATES) {
      String family = Spec.parse(PredictorRegistry.PREDICTOR, candidate).name();
      if (!known.contains(family)) {
        continue;
      }
      try {
        configs.add(registry.resolve(candidate));
      } catch (SpecException e) {
        // A family whose keys differ from what we guessed is still worth comparing at defaults.
        try {
          configs.add(registry.resolve(family));
        } catch (SpecException ignored) {
          // Not buildable at all: leave it out of the default set.
        }
      }
    }
    return configs;
  }
}
