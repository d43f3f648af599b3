package org.bpsim.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bpsim.cache.replacement.ReplacementContext;
import org.bpsim.cache.replacement.ReplacementPolicies;
import org.bpsim.cache.replacement.ReplacementPolicy;
import org.bpsim.cache.replacement.optimal.OptimalPolicy;
import org.bpsim.error.UserException;
import org.bpsim.trace.memory.DataAccessBatch;
import org.bpsim.trace.memory.DataAccessReader;
import org.bpsim.trace.TraceOpener;

/**
 * A cache-only run: replays a trace's data accesses through a hierarchy. When a level uses a
 * policy that needs the future (Belady's optimal), the trace is replayed more than once: each
 * pass records the blocks requested from every level, and the next pass builds the oracle on
 * that recording, until no oracle sees a request that differs from its recording.
 */
public final class CacheRun {
  private final HierarchyConfig config;
  private final ReplacementPolicies policies;

  public CacheRun(HierarchyConfig config, ReplacementPolicies policies) {
    this.config = config;
    this.policies = policies;
    for (CacheConfig level : config.levels()) {
      policies.resolve(level.replacement());
    }
  }

  /** Builds a fresh hierarchy without any recorded future. */
  public CacheHierarchy build() {
    return build(null, false);
  }

  /**
   * Builds a fresh hierarchy; {@code futures[i]} is level i's recorded request stream or null;
   * with {@code record}, every level's requests are recorded for a later pass.
   */
  private CacheHierarchy build(long[][] futures, boolean record) {
    List<Cache> caches = new ArrayList<>();
    for (int i = 0; i < config.levels().size(); i++) {
      CacheConfig level = config.levels().get(i);
      ReplacementPolicies.Resolved resolved = policies.resolve(level.replacement());
      ReplacementPolicy policy = resolved.provider().create(new ReplacementContext(level.name(),
          level.sets(), level.ways(), resolved.values(), futures == null ? null : futures[i]));
      caches.add(new Cache(level, record ? new RecordingPolicy(policy) : policy));
    }
    return new CacheHierarchy(caches, config.inclusion());
  }

  private boolean needsFuture() {
    for (CacheConfig level : config.levels()) {
      if (policies.resolve(level.replacement()).provider().needsFuture()) {
        return true;
      }
    }
    return false;
  }

  /** Replays {@code trace} and returns the hierarchy in its final state. */
  public CacheHierarchy run(Path trace) throws IOException {
    if (!needsFuture()) {
      CacheHierarchy hierarchy = build();
      replay(trace, hierarchy);
      return hierarchy;
    }
    long[][] futures = null;
    int maxPasses = config.levels().size() + 2;
    for (int pass = 0; pass < maxPasses; pass++) {
      CacheHierarchy hierarchy = build(futures, true);
      replay(trace, hierarchy);
      if (futures != null && !diverged(hierarchy)) {
        return hierarchy;
      }
      long[][] recorded = new long[config.levels().size()][];
      for (int i = 0; i < recorded.length; i++) {
        recorded[i] = ((RecordingPolicy) hierarchy.levels().get(i).policy()).recorded();
      }
      if (futures != null && Arrays.deepEquals(recorded, futures)) {
        return hierarchy;
      }
      futures = recorded;
    }
    throw new UserException("optimal replacement: the requests reaching a level keep changing "
        + "with its own choices (e.g. an inclusive last level back-invalidating the level "
        + "above), so no fixed future exists for it; use optimal on the first level or a "
        + "non-inclusive hierarchy");
  }

  private static boolean diverged(CacheHierarchy hierarchy) {
    for (Cache cache : hierarchy.levels()) {
      ReplacementPolicy policy = cache.policy() instanceof RecordingPolicy recording
          ? recording.inner() : cache.policy();
      if (policy instanceof OptimalPolicy optimal && optimal.diverged()) {
        return true;
      }
    }
    return false;
  }

  private static void replay(Path trace, CacheHierarchy hierarchy) throws IOException {
    try (DataAccessReader reader = TraceOpener.dataAccesses(trace)) {
      DataAccessBatch batch = new DataAccessBatch();
      int n;
      while ((n = reader.read(batch)) > 0) {
        for (int i = 0; i < n; i++) {
          hierarchy.access(batch.address(i), batch.isWrite(i));
        }
      }
    }
  }
}
