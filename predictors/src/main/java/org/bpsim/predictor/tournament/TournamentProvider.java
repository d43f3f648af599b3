package org.bpsim.predictor.tournament;

import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;

/**
 * {@code tournament:local_index_bits=10,local_history=10,local_counter_bits=3,global_history=12};
 * the defaults are the Alpha 21264's sizes (29,708 bits).
 */
public final class TournamentProvider implements PredictorProvider {
  @Override
  public String name() {
    return "tournament";
  }

  @Override
  public String description() {
    return "local (per-branch history) and global predictors with a global-history chooser "
        + "(Alpha 21264, Kessler 1999)";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.integer("local_index_bits", 10, 0, 20, "log2 of the local history table "
            + "entries"),
        Parameter.integer("local_history", 10, 1, 16, "bits of each local history (log2 of the "
            + "local counters)"),
        Parameter.integer("local_counter_bits", 3, 1, 7, "width of the local counters"),
        Parameter.integer("global_history", 12, 1, 24, "global history bits (log2 of the global "
            + "and choice counters)"));
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    return new TournamentPredictor(config.intValue("local_index_bits"),
        config.intValue("local_history"), config.intValue("local_counter_bits"),
        config.intValue("global_history"));
  }
}
