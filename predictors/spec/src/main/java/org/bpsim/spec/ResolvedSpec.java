package org.bpsim.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A spec checked against its plugin's keys: every declared key has a value in canonical form,
 * the user's or the default, in declaration order.
 *
 * @param unsetDerived the {@link SpecKey#derived() derived} keys left at their default, which the
 *     canonical spec leaves out
 */
public record ResolvedSpec(String name, Map<String, String> values, Set<String> unsetDerived) {

  public ResolvedSpec {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    unsetDerived = Set.copyOf(unsetDerived);
  }

  /** The spec that names exactly this configuration (see {@link Spec#format}). */
  public String canonical() {
    return Spec.format(name, values, unsetDerived);
  }
}
