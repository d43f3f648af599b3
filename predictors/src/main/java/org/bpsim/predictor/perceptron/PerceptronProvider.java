package org.bpsim.predictor.perceptron;

import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;
import org.bpsim.predictor.spi.SpecException;

/**
 * {@code perceptron:history=H,table_bits=N,weight_bits=W}. The default, 1024 perceptrons of 64
 * 8-bit weights (history 63 plus the bias), is exactly 64 KB of weights, the largest budget of the
 * paper's study.
 */
public final class PerceptronProvider implements PredictorProvider {
  @Override
  public String name() {
    return "perceptron";
  }

  @Override
  public String description() {
    return "2^table_bits perceptrons over the global history, trained when wrong or |y| <= "
        + "1.93h+14 (Jimenez & Lin 2001)";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.integer("history", 63, 1, 512, "global history length h in conditional "
            + "branches (weights per perceptron: h + 1)"),
        Parameter.integer("table_bits", 10, 0, 20, "log2 of the number of perceptrons"),
        Parameter.integer("weight_bits", 8, 2, 8, "width of each saturating signed weight"));
  }

  /** Weights are one byte each in memory; beyond this a run would exhaust a normal heap. */
  static final long MAX_WEIGHTS = 1L << 28;

  @Override
  public void validate(PredictorConfig config) {
    long weights = (1L << config.intValue("table_bits")) * (config.intValue("history") + 1);
    if (weights > MAX_WEIGHTS) {
      throw new SpecException("predictor 'perceptron': " + weights + " weights ("
          + weights * config.intValue("weight_bits") + " bits) is more than the " + MAX_WEIGHTS
          + " weights bpsim simulates; lower table_bits or history");
    }
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    return new PerceptronPredictor(config.intValue("history"), config.intValue("table_bits"),
        config.intValue("weight_bits"));
  }
}
