package org.bpsim.predictor.tagescl;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.StagedBranchPredictor;
import org.bpsim.predictor.tage.TageConfig;

/**
 * TAGE-SC-L's 64 KB code as both championships drive it. Through {@link #predict} and
 * {@link #update} (as {@code bpsim run} drives it) it is Seznec's CBP-2016 code, inherited
 * unchanged; through the staged calls (as the pipeline model drives it) it is the CBP-2025 kit's
 * copy of that code ({@link KitTageScL}), built at the first staged call: an instance is driven
 * one way only, so each way keeps its own tables and the CBP-2016 path carries nothing of the
 * kit's.
 */
public final class StagedTageScLPredictor extends TageScLPredictor
    implements StagedBranchPredictor {
  private final TageConfig tageConfig;
  private final int loopLogEntries;
  private final ScConfig scConfig;
  private KitTageScL kit;

  public StagedTageScLPredictor(TageConfig tageConfig, int loopLogEntries, ScConfig scConfig) {
    super(tageConfig, loopLogEntries, scConfig);
    this.tageConfig = tageConfig;
    this.loopLogEntries = loopLogEntries;
    this.scConfig = scConfig;
  }

  private KitTageScL kit() {
    KitTageScL k = kit;
    if (k == null) {
      k = new KitTageScL(tageConfig, loopLogEntries, scConfig);
      kit = k;
    }
    return k;
  }

  @Override
  public boolean predictAtFetch(long seqNo, long pc) {
    return kit().predictAtFetch(seqNo, pc);
  }

  @Override
  public void specUpdate(long seqNo, long pc, BranchKind kind, boolean predicted, boolean taken,
      long nextPc) {
    kit().specUpdate(pc, kind, predicted, taken, nextPc);
  }

  @Override
  public void resolveAtExecute(long seqNo, long pc, boolean taken, boolean predicted,
      long nextPc) {
    kit().resolveAtExecute(seqNo, pc, taken);
  }
}
