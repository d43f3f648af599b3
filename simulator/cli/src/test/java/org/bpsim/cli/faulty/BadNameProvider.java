package org.bpsim.cli.faulty;

import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;

/** A plugin whose name would escape a report folder if used as a file name. */
public final class BadNameProvider implements PredictorProvider {
  @Override
  public String name() {
    return "../../etc/passwd";
  }

  @Override
  public String description() {
    return "test plugin with a path for a name";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    throw new UnsupportedOperationException();
  }
}
