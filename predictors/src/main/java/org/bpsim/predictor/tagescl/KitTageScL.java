package org.bpsim.predictor.tagescl;

import org.bpsim.predictor.ltage.LoopChooser;
import org.bpsim.predictor.ltage.LoopPredictor;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.tage.TageConfig;
import org.bpsim.predictor.tage.TageEngine;

/**
 * The CBP-2025 kit's TAGE-SC-L ({@code cbp2016_tage_sc_l.h}, class {@code CBP2016_TAGE_SC_L}):
 * Seznec's 64 KB CBP-2016 code driven in stages, as the kit's
 * {@code cond_branch_predictor_interface.cc} calls it. The steps are the CBP-2016 ones (the same
 * {@link TageEngine}, {@link LoopPredictor}, {@link LoopChooser} and
 * {@link StatisticalCorrector}, built in their kit variant); what is the kit's own is when they
 * run and on which history:
 *
 * <ul>
 *   <li>{@code predict} (at fetch) checkpoints the history ({@code pred_time_histories}, keyed
 *       by the branch's id) and predicts with the live one ({@code active_hist});
 *   <li>{@code history_update} / {@code TrackOtherInst} (right after, every branch) shift the
 *       resolved direction into the live history, read "backward" as {@code nextPC < PC}, and
 *       train the live loop table and WITHLOOP, which the kit keeps in the history, with the
 *       predicted direction, never allocating;
 *   <li>{@code update} (at execute) predicts the branch again with its checkpoint against the
 *       current tables; if that re-prediction is wrong, it puts the checkpoint's loop table and
 *       WITHLOOP back and trains them with the outcome (allocating); then it trains the
 *       corrector and TAGE as CBP-2016's update does, and shifts no history.
 * </ul>
 *
 * The random numbers ({@code MYRANDOM}) mix the live phist and ptghist at whatever moment they
 * are drawn. A checkpoint keeps only what a prediction reads (the folds and phist, the
 * corrector's histories for the branch, the loop table and WITHLOOP); the checkpoints live in a
 * pool indexed by sequence number, which grows to the number of branches in flight and then
 * allocates nothing.
 */
final class KitTageScL {
  private final TageEngine tage;
  private final LoopPredictor loop;
  private final LoopChooser chooser = new LoopChooser();
  private final StatisticalCorrector corrector;
  private final int loopLogEntries;
  private Checkpoint[] pool;

  /** What the kit's {@code pred_time_histories} holds for one branch, as far as it is read. */
  private static final class Checkpoint {
    static final long FREE = Long.MIN_VALUE;
    long seqNo = FREE;
    final TageEngine.PredictionHistory tageHistory;
    final StatisticalCorrector.PredictionHistory correctorHistory;
    /** The kit's {@code hist.ltable}, looked up again at execute. */
    final LoopPredictor loop;
    /** The kit's {@code hist.WITHLOOP}. */
    final LoopChooser chooser = new LoopChooser();

    Checkpoint(KitTageScL owner) {
      this.tageHistory = owner.tage.newPredictionHistory();
      this.correctorHistory = owner.corrector.newPredictionHistory();
      this.loop = new LoopPredictor(owner.loopLogEntries, owner.tage.random());
    }
  }

  KitTageScL(TageConfig tageConfig, int loopLogEntries, ScConfig scConfig) {
    this.tage = new TageEngine(tageConfig, 0, true);
    this.loopLogEntries = loopLogEntries;
    this.loop = new LoopPredictor(loopLogEntries, tage.random());
    this.corrector = new StatisticalCorrector(scConfig, true);
    this.pool = newPool(64);
  }

  /** The kit's {@code predict}: checkpoint, then {@code predict_using_given_hist} live. */
  boolean predictAtFetch(long seqNo, long pc) {
    Checkpoint saved = take(seqNo);
    tage.savePredictionHistory(saved.tageHistory);
    corrector.savePredictionHistory(pc, saved.correctorHistory);
    saved.loop.copyTableFrom(loop);
    saved.chooser.copyFrom(chooser);
    // as TageScLPredictor.predict: TAGE, the loop predictor if WITHLOOP trusts it, the corrector
    boolean tagePrediction = tage.predict(pc);
    loop.predict(pc);
    boolean beforeCorrection = chooser.useLoop(loop) ? loop.prediction() : tagePrediction;
    return corrector.predict(pc, tage, beforeCorrection);
  }

  /**
   * The kit's {@code HistoryUpdate} from {@code spec_update}. For a conditional branch, the loop
   * state the lookups just made (this branch's prediction at fetch) is trained with the predicted
   * direction first: WITHLOOP as CBP-2016 does with {@code taken} replaced by the prediction, and
   * the loop entry without allocation; the random numbers it may draw see the history before
   * this branch is shifted in.
   */
  void specUpdate(long pc, BranchKind kind, boolean predicted, boolean taken, long nextPc) {
    if (kind == BranchKind.CONDITIONAL) {
      chooser.update(loop, predicted, predicted);
      loop.update(predicted, tage.tagePrediction(), false);
      corrector.updateHistoryWithNextPc(pc, nextPc, taken);
    }
    // the kit's br_type bit 1 (indirect jump, indirect call, return) shifts three bits, as here
    tage.updateHistory(pc, kind, taken);
  }

  /**
   * The kit's {@code update}: re-predict with the checkpoint, repair the loop state, train.
   * Returns the re-prediction (what the kit's update trains as {@code pred_taken}).
   */
  boolean resolveAtExecute(long seqNo, long pc, boolean taken) {
    Checkpoint saved = find(seqNo);
    tage.exchangeHistory(saved.tageHistory);
    boolean tagePrediction = tage.predict(pc);
    saved.loop.predict(pc);
    boolean beforeCorrection =
        saved.chooser.useLoop(saved.loop) ? saved.loop.prediction() : tagePrediction;
    boolean predicted = corrector.predictFrom(pc, tage, beforeCorrection,
        saved.correctorHistory);
    tage.exchangeHistory(saved.tageHistory);
    if (predicted != taken) {
      // the speculative loop training used a wrong direction: start again from the checkpoint
      loop.copyTableFrom(saved.loop);
      chooser.copyFrom(saved.chooser);
      loop.predict(pc); // the lookup just made on the checkpoint's table, now on the live one
      chooser.update(loop, predicted, taken);
      loop.update(taken, tage.tagePrediction(), true);
    }
    corrector.update(taken);
    tage.update(taken, predicted);
    saved.seqNo = Checkpoint.FREE;
    return predicted;
  }

  long storageBits() {
    return tage.storageBits() + loop.storageBits() + corrector.storageBits();
  }

  // ---------------------------------------------------------------- the checkpoint pool

  private Checkpoint[] newPool(int size) {
    Checkpoint[] slots = new Checkpoint[size];
    for (int i = 0; i < size; i++) {
      slots[i] = new Checkpoint(this);
    }
    return slots;
  }

  /**
   * The checkpoint of branch {@code seqNo}, by {@code seqNo mod size}: branches in flight lie
   * within one window of sequence numbers, so once the pool is larger than the window no two
   * share a slot; until then it doubles.
   */
  private Checkpoint take(long seqNo) {
    while (true) {
      Checkpoint slot = pool[(int) (seqNo & (pool.length - 1))];
      if (slot.seqNo == Checkpoint.FREE || slot.seqNo == seqNo) {
        slot.seqNo = seqNo;
        return slot;
      }
      grow();
    }
  }

  /** Doubles the pool until the branches in flight have a slot each. */
  private void grow() {
    Checkpoint[] old = pool;
    int size = old.length;
    Checkpoint[] larger;
    placing:
    while (true) {
      size *= 2;
      larger = new Checkpoint[size];
      for (Checkpoint c : old) {
        if (c.seqNo != Checkpoint.FREE) {
          int i = (int) (c.seqNo & (size - 1));
          if (larger[i] != null) {
            continue placing;
          }
          larger[i] = c;
        }
      }
      break;
    }
    int next = 0;
    for (Checkpoint c : old) {
      if (c.seqNo == Checkpoint.FREE) {
        while (larger[next] != null) {
          next++;
        }
        larger[next] = c;
      }
    }
    for (int i = 0; i < size; i++) {
      if (larger[i] == null) {
        larger[i] = new Checkpoint(this);
      }
    }
    pool = larger;
  }

  private Checkpoint find(long seqNo) {
    Checkpoint slot = pool[(int) (seqNo & (pool.length - 1))];
    if (slot.seqNo != seqNo) {
      throw new IllegalStateException("branch " + seqNo + " resolved without its prediction");
    }
    return slot;
  }
}
