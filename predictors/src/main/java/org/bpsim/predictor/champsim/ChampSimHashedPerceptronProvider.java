package org.bpsim.predictor.champsim;

import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;

/** {@code champsim-hashed-perceptron}: no parameters, ChampSim's sizes are fixed ({@link ChampSimHashedPerceptron}). */
public final class ChampSimHashedPerceptronProvider implements PredictorProvider {
  @Override
  public String name() {
    return "champsim-hashed-perceptron";
  }

  @Override
  public String description() {
    return "ChampSim's hashed perceptron: 16 tables of 4096 eight-bit weights, histories 0 to 232, dynamic theta";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    return new ChampSimHashedPerceptron();
  }
}
