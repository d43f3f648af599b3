package org.bpsim.cache.replacement.fifo;

import org.bpsim.cache.replacement.ReplacementContext;
import org.bpsim.cache.replacement.ReplacementPolicy;
import org.bpsim.cache.replacement.ReplacementPolicyProvider;

/** Registers {@link FifoPolicy} as {@code fifo}. */
public final class FifoProvider implements ReplacementPolicyProvider {
  @Override
  public String name() {
    return "fifo";
  }

  @Override
  public String description() {
    return "first in, first out (hits do not reorder)";
  }

  @Override
  public ReplacementPolicy create(ReplacementContext context) {
    return new FifoPolicy(context.sets(), context.ways());
  }
}
