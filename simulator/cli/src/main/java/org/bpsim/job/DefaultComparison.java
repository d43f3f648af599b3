package org.bpsim.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bpsim.error.UserException;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;
import org.bpsim.predictor.spi.SpecException;
import org.bpsim.spec.Spec;

/**
 * The predictors {@code bpsim compare} runs when none are named: the classics, then whichever of
 * the stronger families this build knows, each at the CBP 64 KB budget where it takes one.
 */
public final class DefaultComparison {
  public static final List<String> CANDIDATES = List.of("bimodal", "gshare", "tage:budget=64KB",
      "tage-sc-l:budget=64KB", "perceptron");

  private DefaultComparison() {
  }

  /** The candidates this registry can build; missing families are skipped, not errors. */
  public static List<PredictorConfig> predictors(PredictorRegistry registry) {
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

  /**
   * The predictors a comparison runs, the baseline first: those named ({@code specs}), or the
   * candidates when none is; a predictor named twice is refused, and a {@code baseline} not among
   * them is added.
   */
  public static List<PredictorConfig> resolve(PredictorRegistry registry, List<String> specs,
      String baseline) {
    List<PredictorConfig> configs = new ArrayList<>();
    if (specs.isEmpty()) {
      configs.addAll(predictors(registry));
    } else {
      for (String text : specs) {
        configs.add(registry.resolve(text));
      }
    }
    Set<String> seen = new HashSet<>();
    for (PredictorConfig config : configs) {
      if (!seen.add(config.canonicalSpec())) {
        throw new UserException("predictor " + config.canonicalSpec() + " is given twice");
      }
    }
    if (baseline != null) {
      PredictorConfig base = registry.resolve(baseline);
      configs.removeIf(c -> c.canonicalSpec().equals(base.canonicalSpec()));
      configs.add(0, base);
    }
    return configs;
  }
}
