package org.bpsim.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bpsim.predictor.spi.BranchKind;

/**
 * ChampSim's six branch types as bpsim reports mispredictions by type: the keys, in the order
 * of {@link BranchKind} (whose first six kinds are these types; its {@code OTHER}, ChampSim's
 * {@code BRANCH_OTHER}, is not one of them).
 */
public final class BranchTypes {
  /** The JSON keys, index = {@link BranchKind#ordinal()}. */
  public static final List<String> KEYS = List.of("conditional", "direct_jump", "indirect_jump",
      "direct_call", "indirect_call", "return");
  static final int COUNT = 6;

  static {
    if (KEYS.size() != COUNT || BranchKind.RETURN.ordinal() != COUNT - 1) {
      throw new AssertionError("branch types out of step with BranchKind");
    }
  }

  private BranchTypes() {
  }

  /** The counts by key, in {@link #KEYS} order. */
  static Map<String, Long> byKey(long[] counts) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < COUNT; i++) {
      map.put(KEYS.get(i), counts[i]);
    }
    return Collections.unmodifiableMap(map);
  }
}
