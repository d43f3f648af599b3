package org.bpsim.predictor.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;
import org.bpsim.predictor.spi.PredictorSpec;
import org.bpsim.predictor.spi.SpecException;

/**
 * The predictor families bpsim knows: the built-ins and any plugin visible to a class loader,
 * found with {@link ServiceLoader}. Turns spec strings into configured predictors.
 */
public final class PredictorRegistry {
  private final Map<String, PredictorProvider> providers;

  private PredictorRegistry(Map<String, PredictorProvider> providers) {
    this.providers = Collections.unmodifiableMap(providers);
  }

  /** Every provider visible to this class's own class loader. */
  public static PredictorRegistry builtIn() {
    return load(PredictorRegistry.class.getClassLoader());
  }

  /** Every provider visible to {@code loader}; the first one found wins a name clash. */
  public static PredictorRegistry load(ClassLoader loader) {
    Map<String, PredictorProvider> found = new TreeMap<>();
    for (PredictorProvider provider : ServiceLoader.load(PredictorProvider.class, loader)) {
      found.putIfAbsent(provider.name(), provider);
    }
    return new PredictorRegistry(found);
  }

  /** Providers sorted by name. */
  public List<PredictorProvider> providers() {
    return new ArrayList<>(providers.values());
  }

  public PredictorProvider provider(String name) {
    PredictorProvider provider = providers.get(name);
    if (provider == null) {
      throw new SpecException("unknown predictor '" + name + "' (known: "
          + String.join(", ", providers.keySet()) + ")");
    }
    return provider;
  }

  /** Parses and validates {@code spec}, filling in defaults. */
  public PredictorConfig resolve(String spec) {
    PredictorSpec parsed = PredictorSpec.parse(spec);
    return parsed.resolve(provider(parsed.name()));
  }

  /** Builds a fresh predictor for a resolved configuration. */
  public BranchPredictor create(PredictorConfig config) {
    return provider(config.name()).create(config);
  }

}
