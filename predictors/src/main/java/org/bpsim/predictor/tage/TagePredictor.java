package org.bpsim.predictor.tage;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;

/** TAGE alone: the engine's prediction is the answer. */
public final class TagePredictor implements BranchPredictor {
  private final TageEngine tage;
  private boolean predicted;

  public TagePredictor(TageConfig config) {
    this.tage = new TageEngine(config, 0);
  }

  @Override
  public boolean predict(long pc) {
    predicted = tage.predict(pc);
    return predicted;
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    if (kind == BranchKind.CONDITIONAL) {
      tage.update(taken, predicted);
    }
    tage.updateHistory(pc, kind, taken);
  }

  @Override
  public long storageBits() {
    return tage.storageBits();
  }
}
