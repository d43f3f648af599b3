package org.bpsim.cache.replacement.random;

import java.util.List;
import org.bpsim.cache.replacement.ReplacementContext;
import org.bpsim.cache.replacement.ReplacementPolicy;
import org.bpsim.cache.replacement.ReplacementPolicyProvider;
import org.bpsim.spec.SpecKey;

/** Registers {@link RandomPolicy} as {@code random[:seed=N]}. */
public final class RandomProvider implements ReplacementPolicyProvider {
  @Override
  public String name() {
    return "random";
  }

  @Override
  public String description() {
    return "uniformly random victim from a seeded generator";
  }

  @Override
  public List<SpecKey> parameters() {
    return List.of(SpecKey.integer("seed", 1, 0, Long.MAX_VALUE, "generator seed"));
  }

  @Override
  public ReplacementPolicy create(ReplacementContext context) {
    return new RandomPolicy(context.ways(), context.longValue("seed"));
  }
}
