package org.bpsim.cache.replacement.optimal;

import org.bpsim.cache.replacement.ReplacementContext;
import org.bpsim.cache.replacement.ReplacementPolicy;
import org.bpsim.cache.replacement.ReplacementPolicyProvider;
import org.bpsim.cache.replacement.lru.LruPolicy;

/**
 * Registers {@link OptimalPolicy} as {@code optimal}. Without a recorded future (the recording
 * pass itself) it stands in with LRU.
 */
public final class OptimalProvider implements ReplacementPolicyProvider {
  @Override
  public String name() {
    return "optimal";
  }

  @Override
  public String description() {
    return "Belady's optimal (needs future knowledge: the simulation records a first pass)";
  }

  @Override
  public boolean needsFuture() {
    return true;
  }

  @Override
  public ReplacementPolicy create(ReplacementContext context) {
    if (context.futureBlocks() == null) {
      return new LruPolicy(context.sets(), context.ways());
    }
    return new OptimalPolicy(context.sets(), context.ways(), context.futureBlocks());
  }
}
