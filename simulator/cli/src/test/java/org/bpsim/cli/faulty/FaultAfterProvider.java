package org.bpsim.cli.faulty;

import java.util.List;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;

/**
 * The shape of the faulty test plugins: a predictor that predicts taken {@code after} times (a
 * parameter), then misbehaves in the way its subclass says. Packed into each plugin jar with its
 * subclass (TestPluginJar takes the superclasses of the same package).
 */
public abstract class FaultAfterProvider implements PredictorProvider {
  private final String name;
  private final String description;

  protected FaultAfterProvider(String name, String description) {
    this.name = name;
    this.description = description;
  }

  /** What the predictor does instead of its next prediction: throw, hang, exit... */
  protected abstract void fault();

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final List<Parameter> parameters() {
    return List.of(Parameter.integer("after", 100, 0, 1_000_000, "predictions before the fault"));
  }

  @Override
  public final BranchPredictor create(PredictorConfig config) {
    return new Predictor(config.intValue("after"), this);
  }

  private static final class Predictor implements BranchPredictor {
    private final FaultAfterProvider provider;
    private int remaining;

    Predictor(int after, FaultAfterProvider provider) {
      this.remaining = after;
      this.provider = provider;
    }

    @Override
    public boolean predict(long pc) {
      if (remaining-- == 0) {
        provider.fault();
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
