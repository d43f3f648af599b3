package org.bpsim.predictor.hashedperceptron;

import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;
import org.bpsim.predictor.spi.SpecException;

/**
 * {@code hashed-perceptron:tables=M,table_bits=N,weight_bits=W,min_history=A,max_history=B}. The
 * default, 16 tables of 4096 8-bit weights over history lengths 0, 3 .. 200, is 64 KB of weights.
 */
public final class HashedPerceptronProvider implements PredictorProvider {
  @Override
  public String name() {
    return "hashed-perceptron";
  }

  @Override
  public String description() {
    return "sum of one weight per table, each indexed by pc hashed with a geometric-length "
        + "global history and path, adaptive threshold (Tarjan & Skadron 2005, O-GEHL)";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.integer("tables", 16, 2, 64, "number of weight tables M"),
        Parameter.integer("table_bits", 12, 1, 24, "log2 of the weights per table"),
        Parameter.integer("weight_bits", 8, 2, 8, "width of each saturating signed weight"),
        Parameter.integer("min_history", 3, 1, 1024, "history length of table 1 (table 0 has "
            + "none)"),
        Parameter.integer("max_history", 200, 1, 4096, "history length of the last table"));
  }

  /** Weights are one byte each in memory; beyond this a run would exhaust a normal heap. */
  static final long MAX_WEIGHTS = 1L << 28;

  @Override
  public void validate(PredictorConfig config) {
    int tables = config.intValue("tables");
    long weights = tables * (1L << config.intValue("table_bits"));
    if (weights > MAX_WEIGHTS) {
      throw new SpecException("predictor 'hashed-perceptron': " + weights + " weights ("
          + weights * config.intValue("weight_bits") + " bits) is more than the " + MAX_WEIGHTS
          + " weights bpsim simulates; lower tables or table_bits");
    }
    int min = config.intValue("min_history");
    int max = config.intValue("max_history");
    if (max < min + tables - 2) {
      throw new SpecException("predictor 'hashed-perceptron': max_history=" + max
          + " leaves no room for " + (tables - 1) + " increasing lengths from min_history="
          + min + " (needs max_history >= " + (min + tables - 2) + ")");
    }
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    return new HashedPerceptronPredictor(config.intValue("tables"), config.intValue("table_bits"),
        config.intValue("weight_bits"), config.intValue("min_history"),
        config.intValue("max_history"));
  }
}
