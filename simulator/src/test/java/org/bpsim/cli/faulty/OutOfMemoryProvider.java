package org.bpsim.cli.faulty;

import java.util.List;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;

/**
 * A plugin whose predictor, after a number of predictions, asks for more heap than the JVM
 * has, so that the JVM throws an OutOfMemoryError.
 */
public final class OutOfMemoryProvider implements PredictorProvider {
  @Override
  public String name() {
    return "exhausts-memory";
  }

  @Override
  public String description() {
    return "test plugin that asks for more heap than there is";
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
    private final java.util.List<long[]> hoard = new java.util.ArrayList<>();
    private int remaining;

    Predictor(int after) {
      remaining = after;
    }

    @Override
    public boolean predict(long pc) {
      if (remaining-- == 0) {
        // One request larger than any test heap: the JVM throws on this thread at once. Filling
        // the heap bit by bit instead would let the OutOfMemoryError strike whichever thread
        // allocates next, bpsim's own included, and the test would depend on timing.
        hoard.add(new long[Integer.MAX_VALUE - 16]);
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
