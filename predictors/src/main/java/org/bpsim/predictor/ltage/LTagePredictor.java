package org.bpsim.predictor.ltage;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.tage.TageConfig;
import org.bpsim.predictor.tage.TageEngine;

/**
 * L-TAGE (Seznec, CBP-2 2006): TAGE plus a loop predictor that overrides it on loop exits it has
 * learnt with confidence, when that has proved worthwhile.
 */
public final class LTagePredictor implements BranchPredictor {
  private final TageEngine tage;
  private final LoopPredictor loop;
  private final LoopChooser chooser = new LoopChooser();
  private boolean predicted;

  public LTagePredictor(TageConfig config, int loopLogEntries) {
    this.tage = new TageEngine(config, 0);
    this.loop = new LoopPredictor(loopLogEntries, tage.random());
  }

  @Override
  public boolean predict(long pc) {
    boolean tagePrediction = tage.predict(pc);
    loop.predict(pc);
    predicted = chooser.useLoop(loop) ? loop.prediction() : tagePrediction;
    return predicted;
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    if (kind == BranchKind.CONDITIONAL) {
      chooser.update(loop, predicted, taken);
      loop.update(taken, tage.tagePrediction(), predicted != taken);
      tage.update(taken, predicted);
    }
    tage.updateHistory(pc, kind, taken);
  }

  @Override
  public long storageBits() {
    return tage.storageBits() + loop.storageBits() + LoopChooser.BITS;
  }
}
