package org.bpsim.cache.replacement.lru;

import org.bpsim.cache.replacement.ReplacementContext;
import org.bpsim.cache.replacement.ReplacementPolicy;
import org.bpsim.cache.replacement.ReplacementPolicyProvider;

/** Registers {@link LruPolicy} as {@code lru}. */
public final class LruProvider implements ReplacementPolicyProvider {
  @Override
  public String name() {
    return "lru";
  }

  @Override
  public String description() {
    return "least recently used";
  }

  @Override
  public ReplacementPolicy create(ReplacementContext context) {
    return new LruPolicy(context.sets(), context.ways());
  }
}
