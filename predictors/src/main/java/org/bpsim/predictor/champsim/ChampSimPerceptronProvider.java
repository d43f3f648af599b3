package org.bpsim.predictor.champsim;

import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;

/** {@code champsim-perceptron}: no parameters, ChampSim's sizes are fixed ({@link ChampSimPerceptron}). */
public final class ChampSimPerceptronProvider implements PredictorProvider {
  @Override
  public String name() {
    return "champsim-perceptron";
  }

  @Override
  public String description() {
    return "ChampSim's perceptron: 163 perceptrons of 24 eight-bit weights, speculative history (Jimenez and Lin 2001)";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    return new ChampSimPerceptron();
  }
}
