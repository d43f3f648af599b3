package org.bpsim.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.cache.CacheHierarchy;
import org.bpsim.cache.CacheRun;
import org.bpsim.cache.HierarchyConfig;
import org.bpsim.cache.replacement.ReplacementPolicies;

/** {@code bpsim cache}: a memory trace's data accesses through a cache hierarchy, nothing else. */
public final class CacheJob {
  private CacheJob() {
  }

  /** A built-in replacement policy as {@code --list-policies} shows it. */
  public record Policy(String name, String description) {
  }

  /** The built-in replacement policies, in the registry's order. */
  public static List<Policy> policies() {
    return ReplacementPolicies.builtIn().providers().stream()
        .map(provider -> new Policy(provider.name(), provider.description()))
        .toList();
  }

  /** The hierarchy after {@code trace}: its levels' counts and the traffic to memory. */
  public static CacheHierarchy run(HierarchyConfig config, Path trace) throws IOException {
    return new CacheRun(config, ReplacementPolicies.builtIn()).run(trace);
  }
}
