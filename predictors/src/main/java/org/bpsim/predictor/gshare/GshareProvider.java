package org.bpsim.predictor.gshare;

import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;

/**
 * {@code gshare:history=H,index_bits=N,init=I}; the defaults are the CBP-2016 kit's 32 KB gshare.
 */
public final class GshareProvider implements PredictorProvider {
  @Override
  public String name() {
    return "gshare";
  }

  @Override
  public String description() {
    return "2^index_bits two-bit counters indexed by pc XOR the last history outcomes "
        + "(McFarling 1993)";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.integer("history", 17, 0, 64, "global history length in conditional branches"),
        Parameter.integer("index_bits", 17, 1, 28, "log2 of the number of counters"),
        Parameter.integer("init", 2, 0, 3, "initial counter value (2 = weakly taken)"));
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    return new GsharePredictor(config.intValue("history"), config.intValue("index_bits"),
        config.intValue("init"));
  }
}
