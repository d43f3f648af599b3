package org.bpsim.predictor.ltage;

import java.util.ArrayList;
import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;
import org.bpsim.predictor.tage.Budget;
import org.bpsim.predictor.tage.TageOptions;

/** {@code ltage:budget=64KB|8KB|none,...}: TAGE plus a loop predictor (CBP-2 L-TAGE). */
public final class LTageProvider implements PredictorProvider {
  @Override
  public String name() {
    return "ltage";
  }

  @Override
  public String description() {
    return "L-TAGE: TAGE plus a loop predictor for loop exits (Seznec, CBP-2 2006)";
  }

  @Override
  public List<Parameter> parameters() {
    List<Parameter> parameters = new ArrayList<>();
    parameters.add(TageOptions.budgetParameter());
    parameters.add(Parameter.derivedInteger("loop_log_entries", 0, 16,
        "log2 loop predictor entries, 4-way (0 = preset: 5 / 3)"));
    parameters.addAll(TageOptions.shapeParameters());
    return parameters;
  }

  static int loopLogEntries(PredictorConfig config) {
    int value = config.intValue("loop_log_entries");
    if (value != 0) {
      if (value < 2) {
        throw new org.bpsim.predictor.spi.SpecException(
            "predictor 'ltage': loop_log_entries must be at least 2 (one set of 4 ways)");
      }
      return value;
    }
    return TageOptions.budget(config) == Budget.KB8 ? 3 : 5;
  }

  @Override
  public void validate(PredictorConfig config) {
    TageOptions.budget(config).check(name(), config.canonicalSpec(),
        create(config).storageBits());
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    return new LTagePredictor(TageOptions.tage(config), loopLogEntries(config));
  }
}
