package org.bpsim.cli.faulty;

import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;

/** A plugin written for an SPI version this bpsim does not have. */
public final class FutureSpiProvider implements PredictorProvider {
  @Override
  public String name() {
    return "future";
  }

  @Override
  public String description() {
    return "test plugin for SPI version 99";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public int spiVersion() {
    return 99;
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    throw new UnsupportedOperationException();
  }
}
