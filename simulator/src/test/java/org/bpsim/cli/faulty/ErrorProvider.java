package org.bpsim.cli.faulty;

import java.util.List;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;

/** A plugin whose predictor, after a number of predictions, throws a java.lang.Error. */
public final class ErrorProvider implements PredictorProvider {
  @Override
  public String name() {
    return "throws-error";
  }

  @Override
  public String description() {
    return "test plugin that throws a java.lang.Error mid-trace";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.integer("after", 100, 0, 1_000_000, "predictions before the fault"));
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    return new Predictor(config.intValue("after"));
  }

  static final class Predictor implements BranchPredictor {
    private int remaining;

    Predictor(int after) {
      remaining = after;
    }

    @Override
    public boolean predict(long pc) {
      if (remaining-- == 0) {
        throw new Error("deliberate error");
      }
      return true;
    }

    @Override
    public void update(long pc, long target, BranchKind kind, boolean taken) {
    }

    @Override
    public long storageBits() {
      return 1;
    }
  }
}
