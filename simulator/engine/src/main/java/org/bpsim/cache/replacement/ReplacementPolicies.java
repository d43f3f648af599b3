package org.bpsim.cache.replacement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.SpecException;

/**
 * The replacement policies on the class path, by name, and the parsing of policy specs
 * {@code name[:key=value,...]} against them.
 */
public final class ReplacementPolicies {
  private final Map<String, ReplacementPolicyProvider> providers;

  private ReplacementPolicies(Map<String, ReplacementPolicyProvider> providers) {
    this.providers = providers;
  }

  /** Every provider the class path declares. */
  public static ReplacementPolicies builtIn() {
    Map<String, ReplacementPolicyProvider> found = new TreeMap<>();
    for (ReplacementPolicyProvider provider : ServiceLoader.load(ReplacementPolicyProvider.class,
        ReplacementPolicies.class.getClassLoader())) {
      found.putIfAbsent(provider.name(), provider);
    }
    return new ReplacementPolicies(Collections.unmodifiableMap(found));
  }

  public List<ReplacementPolicyProvider> providers() {
    return new ArrayList<>(providers.values());
  }

  /** A spec checked against its provider, with every parameter filled in. */
  public record Resolved(ReplacementPolicyProvider provider, Map<String, String> values) {
    public String canonical() {
      return values.isEmpty() ? provider.name() : provider.name() + ":" + values.entrySet()
          .stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
  }

  /**
   * Parses and checks {@code spec}.
   *
   * @throws SpecException naming the bad part of the spec
   */
  public Resolved resolve(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new SpecException("empty replacement policy (valid: " + names() + ")");
    }
    String trimmed = spec.trim();
    int colon = trimmed.indexOf(':');
    String name = (colon < 0 ? trimmed : trimmed.substring(0, colon)).trim()
        .toLowerCase(Locale.ROOT);
    ReplacementPolicyProvider provider = providers.get(name);
    if (provider == null) {
      throw new SpecException("unknown replacement policy '" + name + "' (valid: " + names()
          + ")");
    }
    Map<String, Parameter> byKey = new LinkedHashMap<>();
    for (Parameter parameter : provider.parameters()) {
      byKey.put(parameter.key(), parameter);
    }
    Map<String, String> given = new LinkedHashMap<>();
    if (colon >= 0) {
      for (String pair : trimmed.substring(colon + 1).split(",", -1)) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new SpecException("replacement policy '" + spec + "': '" + pair
              + "' is not key=value");
        }
        String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        Parameter parameter = byKey.get(key);
        if (parameter == null) {
          throw new SpecException("replacement policy '" + name + "' has no key '" + key + "'"
              + (byKey.isEmpty() ? " (it takes no keys)" : " (valid keys: "
                  + String.join(", ", byKey.keySet()) + ")"));
        }
        if (given.put(key, parameter.validate(name, pair.substring(eq + 1).trim())) != null) {
          throw new SpecException("replacement policy '" + spec + "' sets " + key + " twice");
        }
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Parameter parameter : byKey.values()) {
      values.put(parameter.key(), given.getOrDefault(parameter.key(), parameter.defaultValue()));
    }
    return new Resolved(provider, values);
  }

  private String names() {
    return String.join(", ", providers.keySet());
  }
}
