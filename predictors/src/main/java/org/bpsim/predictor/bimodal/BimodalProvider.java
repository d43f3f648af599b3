package org.bpsim.predictor.bimodal;

import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;

/** {@code bimodal:index_bits=N,init=I}. */
public final class BimodalProvider implements PredictorProvider {
  @Override
  public String name() {
    return "bimodal";
  }

  @Override
  public String description() {
    return "2^index_bits two-bit counters indexed by pc mod 2^index_bits (Smith 1981)";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.integer("index_bits", 14, 1, 28, "log2 of the number of counters"),
        Parameter.integer("init", 2, 0, 3, "initial counter value (2 = weakly taken)"));
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    return new BimodalPredictor(config.intValue("index_bits"), config.intValue("init"));
  }
}
