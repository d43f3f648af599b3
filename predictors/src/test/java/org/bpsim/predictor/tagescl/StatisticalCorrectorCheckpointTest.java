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
   * After training, a saved prediction history gives, for the branch it was saved for, the
   * prediction the corrector gave when it was saved, whatever histories were shifted in
   * meanwhile; and the live histories are untouched by that prediction. Both variants.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aSavedPredictionHistoryRepeatsThePredictionItWasSavedWith(long seed) {
    for (boolean kit : new boolean[] {false, true}) {
      SplittableRandom random = new SplittableRandom(seed);
      TageEngine tage = new TageEngine(TageConfig.BUDGET_64KB, 0, kit);
      StatisticalCorrector sc = new StatisticalCorrector(ScConfig.BUDGET_64KB, kit);
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
      StatisticalCorrector.PredictionHistory[] saved =
          new StatisticalCorrector.PredictionHistory[pcs.length];
      boolean[] before = new boolean[pcs.length];
      boolean[] tageSide = new boolean[pcs.length];
      for (int i = 0; i < pcs.length; i++) {
        saved[i] = sc.newPredictionHistory();
        sc.savePredictionHistory(pcs[i], saved[i]);
        tageSide[i] = tage.predict(pcs[i]);
        before[i] = sc.predict(pcs[i], tage, tageSide[i]);
      }
      for (int n = 1 + random.nextInt(300); n > 0; n--) {
        long pc = pcs[random.nextInt(pcs.length)];
        long next = random.nextBoolean() ? pc - 8 : pc + 8;
        if (random.nextBoolean()) {
          sc.updateHistory(pc, next, random.nextBoolean());
        } else {
          sc.updateHistoryWithNextPc(pc, next, random.nextBoolean());
        }
      }
      boolean[] live = new boolean[pcs.length];
      // TAGE's lookup (its confidence, provider) is part of the corrector's input: redone each time
      for (int i = 0; i < pcs.length; i++) {
        tage.predict(pcs[i]);
        live[i] = sc.predict(pcs[i], tage, tageSide[i]);
      }
      for (int i = 0; i < pcs.length; i++) {
        tage.predict(pcs[i]);
        assertEquals(before[i], sc.predictFrom(pcs[i], tage, tageSide[i], saved[i]),
            "seed " + seed + ", kit " + kit + ", branch " + i);
      }
      for (int i = 0; i < pcs.length; i++) {
        tage.predict(pcs[i]);
        assertEquals(live[i], sc.predict(pcs[i], tage, tageSide[i]),
            "seed " + seed + ", kit " + kit + ", live branch " + i);
      }
    }
  }
}
