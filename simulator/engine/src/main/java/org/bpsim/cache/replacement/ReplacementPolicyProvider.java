package org.bpsim.cache.replacement;

import java.util.List;
import org.bpsim.spec.SpecKey;

/**
 * A replacement policy plugin, found with {@link java.util.ServiceLoader} like predictors are:
 * list the implementation in
 * {@code META-INF/services/org.bpsim.cache.replacement.ReplacementPolicyProvider}.
 */
public interface ReplacementPolicyProvider {

  /** The name users write in a policy spec, lower case. */
  String name();

  String description();

  /** The keys a spec may set, with defaults and ranges, in the order canonical specs list them. */
  default List<SpecKey> parameters() {
    return List.of();
  }

  /**
   * Whether the policy needs the future request stream of its cache. The simulation then records
   * that stream in an earlier pass and passes it in {@link ReplacementContext#futureBlocks()}.
   */
  default boolean needsFuture() {
    return false;
  }

  ReplacementPolicy create(ReplacementContext context);
}
