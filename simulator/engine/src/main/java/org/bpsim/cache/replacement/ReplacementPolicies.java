package org.bpsim.cache.replacement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.bpsim.spec.InvalidSpecException;
import org.bpsim.spec.PluginKind;
import org.bpsim.spec.Spec;

/**
 * The replacement policies on the class path, by name, and the checking of policy specs
 * {@code name[:key=value,...]} against them, in the grammar every plugin spec follows
 * ({@code org.bpsim.spec}).
 */
public final class ReplacementPolicies {
  /** What messages call a policy; its spec errors are {@link InvalidSpecException}s. */
  public static final PluginKind POLICY = PluginKind.named("replacement policy");

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
      return Spec.format(provider.name(), values, Set.of());
    }
  }

  /**
   * Parses and checks {@code spec}.
   *
   * @throws InvalidSpecException naming the bad part of the spec
   */
  public Resolved resolve(String spec) {
    Spec parsed = Spec.parse(POLICY, spec);
    ReplacementPolicyProvider provider = providers.get(parsed.name());
    if (provider == null) {
      throw POLICY.error("unknown replacement policy '" + parsed.name() + "' (valid: "
          + String.join(", ", providers.keySet()) + ")");
    }
    return new Resolved(provider, parsed.resolve(POLICY, provider.parameters()).values());
  }
}
