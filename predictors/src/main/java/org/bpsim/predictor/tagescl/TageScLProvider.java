package org.bpsim.predictor.tagescl;

import java.util.ArrayList;
import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;
import org.bpsim.predictor.tage.Budget;
import org.bpsim.predictor.tage.TageOptions;

/**
 * {@code tage-sc-l:budget=64KB|8KB|none,...}: the CBP-2016 winner. The budget picks the TAGE, loop
 * predictor and statistical corrector sizes; the TAGE shape keys override the TAGE part.
 */
public final class TageScLProvider implements PredictorProvider {
  @Override
  public String name() {
    return "tage-sc-l";
  }

  @Override
  public String description() {
    return "TAGE-SC-L: TAGE + statistical corrector + loop predictor (Seznec, CBP-2016 winner)";
  }

  @Override
  public List<Parameter> parameters() {
    List<Parameter> parameters = new ArrayList<>();
    parameters.add(TageOptions.budgetParameter());
    parameters.addAll(TageOptions.shapeParameters());
    return parameters;
  }

  @Override
  public void validate(PredictorConfig config) {
    TageOptions.budget(config).check(name(), config.canonicalSpec(),
        create(config).storageBits());
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    if (TageOptions.budget(config) == Budget.KB8) {
      // the CBP-2025 kit has no copy of the 8 KB code: it predicts and updates at once everywhere
      return new TageScLPredictor(TageOptions.tage(config), 3, ScConfig.BUDGET_8KB);
    }
    return new StagedTageScLPredictor(TageOptions.tage(config), 5, ScConfig.BUDGET_64KB);
  }
}
