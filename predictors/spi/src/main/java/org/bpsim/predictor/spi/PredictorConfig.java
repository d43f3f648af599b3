package org.bpsim.predictor.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bpsim.spec.Spec;

/**
 * A validated predictor configuration: every declared key has a value (the user's or the default),
 * in the order the provider declares them. Its {@link #canonicalSpec()} names the exact predictor
 * that ran, so results stay comparable.
 */
public final class PredictorConfig {
  private final String name;
  private final Map<String, String> values;
  private final Set<String> unsetDerived;

  private PredictorConfig(String name, Map<String, String> values, Set<String> unsetDerived) {
    this.name = name;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.unsetDerived = Set.copyOf(unsetDerived);
  }

  /**
   * A configuration of predictor {@code name} with these values, already checked: every key its
   * provider declares, in declaration order, in canonical form. bpsim builds it so from a spec
   * once each key has been checked; a plugin's own tests may build one to call
   * {@link PredictorProvider#create} without bpsim.
   *
   * @param unsetDerived the {@link Parameter#derived() derived} keys the user left to the
   *     preset, which {@link #canonicalSpec()} leaves out
   */
  public static PredictorConfig of(String name, Map<String, String> values,
      Set<String> unsetDerived) {
    return new PredictorConfig(name, values, unsetDerived);
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
    return Spec.format(name, values, unsetDerived);
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
