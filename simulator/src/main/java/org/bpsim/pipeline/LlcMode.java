package org.bpsim.pipeline;

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
}
