package org.bpsim.cli.faulty;

import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;

/** A plugin that reaches for bpsim's internals, which its class loader must not show it. */
public final class PeekingProvider implements PredictorProvider {
  @Override
  public String name() {
    return "peeks";
  }

  @Override
  public String description() {
    return "test plugin that loads a bpsim-internal class";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    try {
      Class.forName("org.bpsim.replay.Replay", true, getClass().getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cannot see " + e.getMessage(), e);
    }
    throw new AssertionError("a plugin could load bpsim internals");
  }
}
