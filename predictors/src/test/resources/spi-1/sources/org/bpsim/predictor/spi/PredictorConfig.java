package org.bpsim.predictor.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A validated predictor configuration: every declared key has a value (the user's or the default),
 * in the order the provider declares them. Its {@link #canonicalSpec()} names the exact predictor
 * that ran, so results stay comparable.
 */
public final class PredictorConfig {
  private final String name;
  private final Map<String, String> values;
  private final java.util.Set<String> unsetDerived;

  PredictorConfig(String name, Map<String, String> values, java.util.Set<String> unsetDerived) {
    this.name = name;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.unsetDerived = java.util.Set.copyOf(unsetDerived);
  }

  public String name() {
    return name;
  }

  public Map<String, String> values() {
    return values;
  }

  public int intValue(String key) {
    return Math.toIntExact(longValue(key));
  }

  public long longValue(String key) {
    return Long.parseLong(require(key));
  }

  public String stringValue(String key) {
    return require(key);
  }

  private String require(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("predictor " + name + " declares no key " + key);
    }
    return value;
  }

  /**
   * {@code name:key=value,...} with every declared key in declaration order, except derived keys
   * the user left to the preset (see {@link Parameter#derived()}).
   */
  public String canonicalSpec() {
    StringJoiner joiner = new StringJoiner(",", name + ":", "");
    joiner.setEmptyValue(name);
    values.forEach((k, v) -> {
      if (!unsetDerived.contains(k)) {
        joiner.add(k + "=" + PredictorSpec.quote(v));
      }
    });
    return joiner.toString();
  }

  /**
   * What a result row calls this predictor: the value of its {@code name} key when it has one
   * and the user set it (the native kinds, {@code cbp2016:dir=...,name=mine}), else
   * {@link #canonicalSpec()}.
   */
  public String label() {
    String label = values.get("name");
    return label == null || label.isEmpty() ? canonicalSpec() : label;
  }

  @Override
  public String toString() {
    return canonicalSpec();
  }
}
