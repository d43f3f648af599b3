package org.bpsim.cache.replacement;

import java.util.Map;

/**
 * What a policy is built for: the cache's shape, its resolved parameters, and, for policies that
 * need future knowledge, the blocks that will be requested from this cache in order.
 *
 * @param futureBlocks the request stream recorded by an earlier pass, or null when none is known
 */
public record ReplacementContext(String cacheName, int sets, int ways, Map<String, String> values,
    long[] futureBlocks) {

  public ReplacementContext {
    values = Map.copyOf(values);
  }

  public long longValue(String key) {
    return Long.parseLong(values.get(key));
  }

  public int intValue(String key) {
    return Integer.parseInt(values.get(key));
  }
}
