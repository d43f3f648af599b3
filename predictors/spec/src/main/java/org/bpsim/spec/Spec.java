package org.bpsim.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * A parsed spec {@code name[:key=value[,key=value]...]}, before it is checked against the keys
 * of its plugin. Names and keys are case-insensitive (kept in lower case); whitespace around
 * them is ignored. A value that holds a comma is written in double quotes,
 * {@code cxxflags="-O3,-march=native"}: the quotes are not part of the value, which runs to the
 * next double quote (so it cannot itself hold one).
 *
 * @param values the keys the user set, in the order written, with their values as written
 */
public record Spec(String name, Map<String, String> values) {

  public Spec {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Parses {@code text}; errors are {@code kind}'s and name the spec. */
  public static Spec parse(PluginKind kind, String text) {
    if (text == null || text.isBlank()) {
      throw kind.error("empty " + kind.noun() + " spec (expected name:key=value,...)");
    }
    String trimmed = text.trim();
    int colon = trimmed.indexOf(':');
    String name = (colon < 0 ? trimmed : trimmed.substring(0, colon)).trim()
        .toLowerCase(Locale.ROOT);
    String what = kind.noun() + " spec '" + text + "'";
    if (name.isEmpty()) {
      throw kind.error(what + " has no name before ':'");
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (colon >= 0) {
      for (String pair : pairs(kind, what, trimmed.substring(colon + 1))) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw kind.error(what + ": '" + pair + "' is not key=value");
        }
        String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String value = unquote(kind, what, pair.substring(eq + 1).trim());
        if (values.put(key, value) != null) {
          throw kind.error(what + " sets " + key + " twice");
        }
      }
    }
    return new Spec(name, values);
  }

  /** Splits {@code rest} at the commas outside double quotes. */
  private static List<String> pairs(PluginKind kind, String what, String rest) {
    List<String> pairs = new ArrayList<>();
    boolean quoted = false;
    int from = 0;
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        pairs.add(rest.substring(from, i));
        from = i + 1;
      }
    }
    if (quoted) {
      throw kind.error(what + " has an unclosed double quote");
    }
    pairs.add(rest.substring(from));
    return pairs;
  }

  /** A value without its double quotes; quotes anywhere but around the whole value are refused. */
  private static String unquote(PluginKind kind, String what, String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      String inner = value.substring(1, value.length() - 1);
      if (inner.indexOf('"') < 0) {
        return inner;
      }
    }
    if (value.indexOf('"') >= 0) {
      throw kind.error(what + ": in " + value + ", double quotes must enclose the whole value "
          + "(key=\"a,b\")");
    }
    return value;
  }

  /** {@code value} as a spec writes it: in double quotes when it holds a comma. */
  public static String quote(String value) {
    return value.indexOf(',') >= 0 ? "\"" + value + "\"" : value;
  }

  /**
   * {@code name:key=value,...} with {@code values} in their order but those in {@code leftOut},
   * each {@link #quote quoted} as needed; the bare name when no key is left. Parsing it gives
   * the same values back.
   */
  public static String format(String name, Map<String, String> values, Set<String> leftOut) {
    StringJoiner joiner = new StringJoiner(",", name + ":", "");
    joiner.setEmptyValue(name);
    values.forEach((key, value) -> {
      if (!leftOut.contains(key)) {
        joiner.add(key + "=" + quote(value));
      }
    });
    return joiner.toString();
  }

  /**
   * Checks every key the user set against {@code keys} (the plugin's declarations, in the order
   * its canonical spec lists them) and fills in the defaults of the others.
   *
   * @throws IllegalArgumentException ({@code kind}'s error) naming the plugin, the key and what
   *     is valid
   */
  public ResolvedSpec resolve(PluginKind kind, List<SpecKey> keys) {
    Map<String, SpecKey> byKey = keys.stream()
        .collect(Collectors.toMap(SpecKey::key, k -> k, (a, b) -> a, LinkedHashMap::new));
    for (String key : values.keySet()) {
      if (!byKey.containsKey(key)) {
        String valid = keys.isEmpty() ? "it takes no keys"
            : "valid keys: " + keys.stream().map(k -> k.key() + "=" + k.validValues())
                .collect(Collectors.joining(", "));
        throw kind.error(kind.noun() + " '" + name + "' has no key '" + key + "' (" + valid
            + ")");
      }
    }
    Map<String, String> resolved = new LinkedHashMap<>();
    Set<String> unsetDerived = new HashSet<>();
    for (SpecKey key : byKey.values()) {
      String given = values.get(key.key());
      String value = given == null ? key.defaultValue() : key.check(kind, name, given);
      resolved.put(key.key(), value);
      if (key.derived() && value.equals(key.defaultValue())) {
        unsetDerived.add(key.key());
      }
    }
    return new ResolvedSpec(name, resolved, unsetDerived);
  }
}
