package org.bpsim.predictor.tage;

import java.util.ArrayList;
import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;

/** {@code tage:budget=64KB|8KB|none,...}: TAGE alone, as in Seznec's CBP-2016 TAGE-SC-L. */
public final class TageProvider implements PredictorProvider {
  @Override
  public String name() {
    return "tage";
  }

  @Override
  public String description() {
    return "TAGE: bimodal base + tagged tables with geometric global history lengths "
        + "(Seznec & Michaud 2006, CBP-2016 refinements)";
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
    TageConfig tage = TageOptions.tage(config);
    TageOptions.budget(config).check(name(), config.canonicalSpec(), tage.storageBits());
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    return new TagePredictor(TageOptions.tage(config));
  }
}
