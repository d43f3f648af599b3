package org.bpsim.predictor.spi;

import java.util.List;
import org.bpsim.spec.PluginKind;
import org.bpsim.spec.SpecKey;

/**
 * What the SPI's deprecated parsing members ({@link PredictorSpec}, {@link Parameter#validate})
 * delegate to: the shared grammar of {@code org.bpsim.spec}, with the predictor's noun and
 * {@link SpecException}. Not part of the SPI. bpsim itself checks specs in its registry
 * ({@code PredictorRegistry.resolve}), which turns parameters into keys the same way; this
 * adapter serves the deprecated members alone and goes with them.
 */
final class SpecGrammar {
  static final PluginKind PREDICTOR = new PluginKind("predictor", SpecException::new);

  private SpecGrammar() {
  }

  static SpecKey key(Parameter p) {
    return new SpecKey(p.key(), p.description(), p.defaultValue(), p.min(), p.max(), p.choices(),
        p.derived(), p.text());
  }

  static List<SpecKey> keys(List<Parameter> parameters) {
    return parameters.stream().map(SpecGrammar::key).toList();
  }
}
