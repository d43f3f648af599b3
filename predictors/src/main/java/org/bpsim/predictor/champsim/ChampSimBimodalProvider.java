package org.bpsim.predictor.champsim;

import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;

/** {@code champsim-bimodal}: no parameters, ChampSim's sizes are fixed ({@link ChampSimBimodal}). */
public final class ChampSimBimodalProvider implements PredictorProvider {
  @Override
  public String name() {
    return "champsim-bimodal";
  }

  @Override
  public String description() {
    return "ChampSim's bimodal: 16384 two-bit counters indexed by pc mod 16381, trained by every branch";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    return new ChampSimBimodal();
  }
}
