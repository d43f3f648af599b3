package org.bpsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values of {@code --format}, one set for every command; each command names the subset it
 * can render, so that an unknown or unsupported value gets the same message everywhere.
 */
enum OutputFormat {
  TABLE, CSV, JSON, REPORT;

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code text} (any case) as one of {@code accepted}; else the message that lists them, e.g.
   * "--format must be table, csv or json, not 'xml'".
   */
  static OutputFormat parse(String text, List<OutputFormat> accepted) {
    for (OutputFormat format : accepted) {
      if (format.id().equals(text.toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    List<String> ids = new ArrayList<>();
    for (OutputFormat format : accepted) {
      ids.add(format.id());
    }
    String listed = ids.size() == 1 ? ids.get(0)
        : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
    throw new IllegalArgumentException("--format must be " + listed + ", not '" + text + "'");
  }
}
