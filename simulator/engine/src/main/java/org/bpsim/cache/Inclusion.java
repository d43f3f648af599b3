package org.bpsim.cache;

import java.util.Locale;

/** How the last-level cache relates to the contents of the levels above it. */
public enum Inclusion {
  /**
   * No rule: a block may be in either, both or neither; last-level evictions leave upper copies
   * alone.
   */
  NON_INCLUSIVE("non-inclusive"),
  /**
   * Every block above is also in the last level: evicting a last-level block invalidates its upper
   * copies (back-invalidation), and a dirty upper copy is written straight to memory.
   */
  INCLUSIVE("inclusive"),
  /**
   * A block is in the level directly above or in the last level, never both: the last level is
   * filled only by the upper level's victims, and a hit there moves the block up.
   */
  EXCLUSIVE("exclusive");

  private final String id;

  Inclusion(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Inclusion ofId(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Inclusion inclusion : values()) {
      if (inclusion.id.equals(wanted)) {
        return inclusion;
      }
    }
    throw new IllegalArgumentException("unknown inclusion policy '" + text
        + "' (valid: non-inclusive, inclusive, exclusive)");
  }
}
