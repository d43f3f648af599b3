package org.bpsim.predictor.tagescl;

import org.bpsim.predictor.ltage.LoopChooser;
import org.bpsim.predictor.ltage.LoopPredictor;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.tage.TageConfig;
import org.bpsim.predictor.tage.TageEngine;

/**
 * TAGE-SC-L (Seznec, CBP-2016 winner): TAGE predicts, the loop predictor may override it on loop
 * exits, and the statistical corrector may revert the result when TAGE's prediction is
 * statistically unreliable for this context.
 *
 * <p>This is the CBP-2016 code: predict, then update at once. {@link StagedTageScLPredictor}
 * adds, for the 64 KB code, the CBP-2025 kit's staged driving.
 */
public sealed class TageScLPredictor implements BranchPredictor permits StagedTageScLPredictor {
  private final TageEngine tage;
  private final LoopPredictor loop;
  private final LoopChooser chooser = new LoopChooser();
  private final StatisticalCorrector corrector;
  private boolean beforeCorrection;
  private boolean predicted;

  public TageScLPredictor(TageConfig tageConfig, int loopLogEntries, ScConfig scConfig) {
    this.tage = new TageEngine(tageConfig, 0);
    this.loop = new LoopPredictor(loopLogEntries, tage.random());
    this.corrector = new StatisticalCorrector(scConfig);
  }

  @Override
  public final boolean predict(long pc) {
    boolean tagePrediction = tage.predict(pc);
    loop.predict(pc);
    beforeCorrection = chooser.useLoop(loop) ? loop.prediction() : tagePrediction;
    predicted = corrector.predict(pc, tage, beforeCorrection);
    return predicted;
  }

  @Override
  public final void update(long pc, long target, BranchKind kind, boolean taken) {
    if (kind == BranchKind.CONDITIONAL) {
      chooser.update(loop, predicted, taken);
      loop.update(taken, tage.tagePrediction(), predicted != taken);
      corrector.update(taken);
      tage.update(taken, predicted);
      corrector.updateHistory(pc, target, taken);
    }
    tage.updateHistory(pc, kind, taken);
  }

  @Override
  public final long storageBits() {
    // as the CBP-2016 code's predictorsize() counts it, which leaves out the loop chooser
    // (WITHLOOP, 7 bits): storage_bits is then the size the submissions declare
    return tage.storageBits() + loop.storageBits() + corrector.storageBits();
  }
}
