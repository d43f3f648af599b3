package org.bpsim.job;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.cache.CacheHierarchy;
import org.bpsim.cache.CacheRun;
import org.bpsim.cache.HierarchyConfig;
import org.bpsim.cache.replacement.ReplacementPolicies;

/** {@code bpsim cache}: a memory trace's data accesses through a cache hierarchy, nothing else. */
public final class CacheJob {
  private CacheJob() {
  }

  /** The hierarchy after {@code trace}: its levels' counts and the traffic to memory. */
  public static CacheHierarchy run(HierarchyConfig config, ReplacementPolicies policies,
      Path trace) throws IOException {
    return new CacheRun(config, policies).run(trace);
  }
}
