package org.bpsim.predictor.registry;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;
import org.bpsim.predictor.spi.SpecException;
import org.bpsim.spec.PluginKind;
import org.bpsim.spec.ResolvedSpec;
import org.bpsim.spec.Spec;
import org.bpsim.spec.SpecKey;

/**
 * The predictor families bpsim knows: the built-ins, found with {@link ServiceLoader} on bpsim's
 * own class path, and plugins, each jar in a class loader of its own that sees only the JDK and
 * the SPI. Turns spec strings into configured predictors. A plugin that cannot be used is kept
 * as a {@link PluginFailure} instead of stopping bpsim.
 */
public final class PredictorRegistry {
  private static final String NAME_PATTERN = "[a-z][a-z0-9_-]{0,39}";
  /** Predictor specs follow the shared grammar; their errors stay the SPI's SpecException. */
  public static final PluginKind PREDICTOR = new PluginKind("predictor", SpecException::new);

  private final Map<String, PredictorProvider> providers;
  private final Map<String, PredictorOrigin> origins;
  private final List<PluginFailure> failures;

  private PredictorRegistry(Map<String, PredictorProvider> providers,
      Map<String, PredictorOrigin> origins, List<PluginFailure> failures) {
    this.providers = Collections.unmodifiableMap(providers);
    this.origins = Collections.unmodifiableMap(origins);
    this.failures = List.copyOf(failures);
  }

  /** The built-in predictors only. */
  public static PredictorRegistry builtIn() {
    return withPlugins(List.of());
  }

  /** The built-ins plus every provider in the given jars or folders of jars. */
  public static PredictorRegistry withPlugins(List<Path> pluginLocations) {
    Map<String, PredictorProvider> providers = new TreeMap<>();
    Map<String, PredictorOrigin> origins = new TreeMap<>();
    List<PluginFailure> failures = new ArrayList<>();
    ClassLoader own = PredictorRegistry.class.getClassLoader();
    register(ServiceLoader.load(PredictorProvider.class, own), PredictorOrigin.BUILT_IN,
        "built-in", providers, origins, failures);
    ClassLoader spiOnly = new SpiOnlyClassLoader(own);
    for (Path jar : PluginJars.expand(pluginLocations, failures)) {
      URLClassLoader loader;
      try {
        loader = new URLClassLoader("plugin " + jar.getFileName(),
            new URL[] {jar.toUri().toURL()}, spiOnly);
      } catch (MalformedURLException e) {
        failures.add(new PluginFailure(jar.toString(), "bad path: " + e.getMessage()));
        continue;
      }
      int before = providers.size() + failures.size();
      register(ServiceLoader.load(PredictorProvider.class, loader), PredictorOrigin.plugin(jar),
          jar.toString(), providers, origins, failures);
      if (providers.size() + failures.size() == before) {
        failures.add(new PluginFailure(jar.toString(), "declares no predictor (no "
            + "META-INF/services/" + PredictorProvider.class.getName() + " entry)"));
      }
    }
    return new PredictorRegistry(providers, origins, failures);
  }

  private static void register(ServiceLoader<PredictorProvider> loader, PredictorOrigin origin,
      String label, Map<String, PredictorProvider> providers,
      Map<String, PredictorOrigin> origins, List<PluginFailure> failures) {
    Iterator<PredictorProvider> iterator = loader.iterator();
    while (true) {
      PredictorProvider provider;
      try {
        if (!iterator.hasNext()) {
          return;
        }
        provider = iterator.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        failures.add(new PluginFailure(label, "cannot load a predictor provider: "
            + rootMessage(e)));
        if (e instanceof LinkageError) {
          return;
        }
        continue;
      }
      String problem = problemWith(provider, providers, origins);
      if (problem != null) {
        failures.add(new PluginFailure(label, problem));
        continue;
      }
      providers.put(provider.name(), provider);
      origins.put(provider.name(), origin);
    }
  }

  /** Why a provider cannot be registered, or null if it can. */
  private static String problemWith(PredictorProvider provider,
      Map<String, PredictorProvider> providers, Map<String, PredictorOrigin> origins) {
    String className = provider.getClass().getName();
    try {
      int version = provider.spiVersion();
      if (version != PredictorProvider.SPI_VERSION) {
        return className + " is written for predictor SPI version " + version
            + ", but this bpsim provides version " + PredictorProvider.SPI_VERSION;
      }
      String name = provider.name();
      if (name == null || !name.matches(NAME_PATTERN)) {
        return className + " has an invalid predictor name '" + name + "' (it must match "
            + NAME_PATTERN + ")";
      }
      if (providers.containsKey(name)) {
        return className + " names predictor '" + name + "', which " + origins.get(name)
            + " already provides";
      }
      provider.parameters();
      return null;
    } catch (RuntimeException | LinkageError e) {
      return className + " failed while describing itself: " + rootMessage(e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** Providers sorted by name. */
  public List<PredictorProvider> providers() {
    return new ArrayList<>(providers.values());
  }

  public PredictorOrigin origin(String name) {
    return origins.get(name);
  }

  /** Plugins, or providers in them, that could not be used. */
  public List<PluginFailure> failures() {
    return failures;
  }

  public PredictorProvider provider(String name) {
    PredictorProvider provider = providers.get(name);
    if (provider == null) {
      StringBuilder message = new StringBuilder("unknown predictor '" + name + "' (known: "
          + String.join(", ", providers.keySet()) + ")");
      if (!failures.isEmpty()) {
        message.append("; plugins that failed to load: ").append(failures);
      }
      throw new SpecException(message.toString());
    }
    return provider;
  }

  /** Parses and validates {@code spec}, filling in defaults. */
  public PredictorConfig resolve(String spec) {
    Spec parsed = Spec.parse(PREDICTOR, spec);
    PredictorProvider provider = provider(parsed.name());
    if (origin(parsed.name()).builtIn()) {
      return resolve(parsed, provider);
    }
    try {
      return resolve(parsed, provider);
    } catch (SpecException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw new SpecException("predictor '" + parsed.name() + "' (" + origin(parsed.name())
          + ") failed to check its spec: " + rootMessage(e));
    }
  }

  /** Checks each key against the provider's parameters, then runs the provider's own checks. */
  private static PredictorConfig resolve(Spec parsed, PredictorProvider provider) {
    List<SpecKey> keys = provider.parameters().stream().map(PredictorRegistry::key).toList();
    ResolvedSpec resolved = parsed.resolve(PREDICTOR, keys);
    PredictorConfig config = PredictorConfig.of(resolved.name(), resolved.values(),
        resolved.unsetDerived());
    provider.validate(config);
    return config;
  }

  /** A predictor's declaration of a key, in the grammar's neutral form. */
  private static SpecKey key(Parameter p) {
    return new SpecKey(p.key(), p.description(), p.defaultValue(), p.min(), p.max(), p.choices(),
        p.derived(), p.text());
  }

  /** Builds a fresh predictor for a resolved configuration. */
  public BranchPredictor create(PredictorConfig config) {
    return provider(config.name()).create(config);
  }
}
