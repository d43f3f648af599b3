package org.bpsim.predictor.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bpsim.spec.ResolvedSpec;
import org.bpsim.spec.Spec;

/**
 * A parsed spec string {@code name[:key=value[,key=value]...]}, before it is checked against a
 * provider. Names and keys are case-insensitive; whitespace around them is ignored. A value that
 * holds a comma is written in double quotes, {@code cxxflags="-O3,-march=native"}.
 *
 * @deprecated Parsing specs is bpsim's side, not a plugin's: the grammar lives in
 *     {@code org.bpsim.spec} (artifact {@code bpsim-spec}), shared with the other kinds of plugin,
 *     and this record only delegates to it, with the same messages, so that plugins built
 *     against SPI 1 still link and behave. A plugin's own tests can build a configuration with
 *     {@link PredictorConfig#of}.
 */
@Deprecated(since = "0.1.0")
public record PredictorSpec(String name, Map<String, String> values) {

  public PredictorSpec {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static PredictorSpec parse(String text) {
    Spec spec = Spec.parse(SpecGrammar.PREDICTOR, text);
    return new PredictorSpec(spec.name(), spec.values());
  }

  /** {@code value} as a spec writes it: in double quotes when it holds a comma. */
  public static String quote(String value) {
    return Spec.quote(value);
  }

  /** Checks every key against {@code provider}, fills in defaults, and runs its own checks. */
  public PredictorConfig resolve(PredictorProvider provider) {
    ResolvedSpec resolved = new Spec(name, values)
        .resolve(SpecGrammar.PREDICTOR, SpecGrammar.keys(provider.parameters()));
    PredictorConfig config = PredictorConfig.of(resolved.name(), resolved.values(),
        resolved.unsetDerived());
    provider.validate(config);
    return config;
  }
}
