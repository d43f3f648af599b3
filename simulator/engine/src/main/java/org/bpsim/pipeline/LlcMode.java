package org.bpsim.pipeline;

import java.util.List;
import java.util.Locale;

/** How the cores of a multi-core run get their last-level cache. */
public enum LlcMode {
  /** One LLC of the configured size, shared by every core. */
  SHARED,
  /** Each core its own LLC of the configured size divided by the number of cores. */
  PRIVATE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The modes an {@code --llc} value names: {@code shared}, {@code private}, or {@code both}
   * (shared first); anything else is refused with the message to show the user.
   */
  public static List<LlcMode> named(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "shared" -> List.of(SHARED);
      case "private" -> List.of(PRIVATE);
      case "both" -> List.of(SHARED, PRIVATE);
      default -> throw new IllegalArgumentException(
          "--llc must be shared, private or both, not '" + value + "'");
    };
  }
}
