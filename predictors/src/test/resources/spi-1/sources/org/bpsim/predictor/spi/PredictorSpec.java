package org.bpsim.predictor.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A parsed spec string {@code name[:key=value[,key=value]...]}, before it is checked against a
 * provider. Names and keys are case-insensitive; whitespace around them is ignored. A value that
 * holds a comma is written in double quotes, {@code cxxflags="-O3,-march=native"}: the quotes are
 * not part of the value, which runs to the next double quote (so it cannot itself hold one).
 */
public record PredictorSpec(String name, Map<String, String> values) {

  public PredictorSpec {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static PredictorSpec parse(String text) {
    if (text == null || text.isBlank()) {
      throw new SpecException("empty predictor spec (expected name:key=value,...)");
    }
    String trimmed = text.trim();
    int colon = trimmed.indexOf(':');
    String name = (colon < 0 ? trimmed : trimmed.substring(0, colon)).trim()
        .toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      throw new SpecException("predictor spec '" + text + "' has no name before ':'");
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (colon >= 0) {
      String rest = trimmed.substring(colon + 1);
      for (String pair : pairs(text, rest)) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new SpecException("predictor spec '" + text + "': '" + pair
              + "' is not key=value");
        }
        String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String value = unquote(text, pair.substring(eq + 1).trim());
        if (values.put(key, value) != null) {
          throw new SpecException("predictor spec '" + text + "' sets " + key + " twice");
        }
      }
    }
    return new PredictorSpec(name, values);
  }

  /** Splits {@code rest} at the commas outside double quotes. */
  private static List<String> pairs(String text, String rest) {
    List<String> pairs = new java.util.ArrayList<>();
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
      throw new SpecException("predictor spec '" + text + "' has an unclosed double quote");
    }
    pairs.add(rest.substring(from));
    return pairs;
  }

  /** A value without its double quotes; quotes anywhere but around the whole value are refused. */
  private static String unquote(String text, String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      String inner = value.substring(1, value.length() - 1);
      if (inner.indexOf('"') < 0) {
        return inner;
      }
    }
    if (value.indexOf('"') >= 0) {
      throw new SpecException("predictor spec '" + text + "': in " + value + ", double quotes "
          + "must enclose the whole value (key=\"a,b\")");
    }
    return value;
  }

  /** {@code value} as a spec writes it: in double quotes when it holds a comma (or is blank). */
  public static String quote(String value) {
    return value.indexOf(',') >= 0 ? "\"" + value + "\"" : value;
  }

  /** Checks every key against {@code provider}, fills in defaults, and runs its own checks. */
  public PredictorConfig resolve(PredictorProvider provider) {
    List<Parameter> parameters = provider.parameters();
    Map<String, Parameter> byKey = parameters.stream()
        .collect(Collectors.toMap(Parameter::key, p -> p, (a, b) -> a, LinkedHashMap::new));
    for (String key : values.keySet()) {
      if (!byKey.containsKey(key)) {
        String valid = parameters.isEmpty() ? "it takes no keys"
            : "valid keys: " + parameters.stream()
                .map(p -> p.key() + "=" + p.validValues())
                .collect(Collectors.joining(", "));
        throw new SpecException("predictor '" + name + "' has no key '" + key + "' (" + valid
            + ")");
      }
    }
    Map<String, String> resolved = new LinkedHashMap<>();
    java.util.Set<String> unsetDerived = new java.util.HashSet<>();
    for (Parameter parameter : parameters) {
      String given = values.get(parameter.key());
      String value = given == null ? parameter.defaultValue() : parameter.validate(name, given);
      resolved.put(parameter.key(), value);
      if (parameter.derived() && value.equals(parameter.defaultValue())) {
        unsetDerived.add(parameter.key());
      }
    }
    PredictorConfig config = new PredictorConfig(name, resolved, unsetDerived);
    provider.validate(config);
    return config;
  }
}
