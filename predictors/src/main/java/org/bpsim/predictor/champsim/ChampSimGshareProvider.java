package org.bpsim.predictor.champsim;

import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;

/** {@code champsim-gshare}: no parameters, ChampSim's sizes are fixed ({@link ChampSimGshare}). */
public final class ChampSimGshareProvider implements PredictorProvider {
  @Override
  public String name() {
    return "champsim-gshare";
  }

  @Override
  public String description() {
    return "ChampSim's gshare: 16384 two-bit counters, 14 bits of history XOR three pc slices";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    return new ChampSimGshare();
  }
}
