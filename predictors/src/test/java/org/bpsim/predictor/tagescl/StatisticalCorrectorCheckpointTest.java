package org.bpsim.predictor.tagescl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.tage.TageConfig;
import org.bpsim.predictor.tage.TageEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The corrector's history checkpoint, the part of the staged TAGE-SC-L it keeps itself. */
final class StatisticalCorrectorCheckpointTest {

  static LongStream seeds() {
    return LongStream.range(0, 30).map(i -> 0x9E3779B97F4A7C15L * (i + 3));
  }

  /**
   * After training, a restored checkpoint gives, for every branch looked up, the prediction the
   * corrector gave when it was saved, whatever histories were shifted in meanwhile.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aRestoredCheckpointRepeatsThePredictionsItWasSavedWith(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    TageEngine tage = new TageEngine(TageConfig.BUDGET_64KB, 0);
    StatisticalCorrector sc = new StatisticalCorrector(ScConfig.BUDGET_64KB);
    long[] pcs = new long[64];
    for (int i = 0; i < pcs.length; i++) {
      pcs[i] = 0x400000L + 4L * random.nextInt(1 << 14);
    }
    for (int n = 0; n < 5000; n++) {
      long pc = pcs[random.nextInt(pcs.length)];
      boolean taken = ((pc >>> 2) & 1) == 0 ? random.nextInt(8) != 0 : random.nextBoolean();
      boolean t = tage.predict(pc);
      sc.predict(pc, tage, t);
      sc.update(taken);
      tage.update(taken, t);
      long target = random.nextBoolean() ? pc - 64 : pc + 64;
      sc.updateHistory(pc, target, taken);
      tage.updateHistory(pc, BranchKind.CONDITIONAL, taken);
    }
    StatisticalCorrector.HistoryCheckpoint saved = sc.newCheckpoint();
    sc.saveHistory(saved);
    boolean[] before = new boolean[pcs.length];
    for (int i = 0; i < pcs.length; i++) {
      boolean t = tage.predict(pcs[i]);
      before[i] = sc.predict(pcs[i], tage, t);
    }
    for (int n = 1 + random.nextInt(300); n > 0; n--) {
      long pc = pcs[random.nextInt(pcs.length)];
      sc.updateHistory(pc, random.nextBoolean() ? pc - 8 : pc + 8, random.nextBoolean());
    }
    sc.restoreHistory(saved);
    for (int i = 0; i < pcs.length; i++) {
      boolean t = tage.predict(pcs[i]);
      assertEquals(before[i], sc.predict(pcs[i], tage, t), "seed " + seed + ", branch " + i);
    }
  }
}
