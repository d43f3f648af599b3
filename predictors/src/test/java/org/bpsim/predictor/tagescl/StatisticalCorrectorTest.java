package org.bpsim.predictor.tagescl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.tage.TageLookup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statistical corrector on its own, fed TAGE lookups written by hand: its sum and threshold
 * on a small configuration computed by hand, its update rule, and (seeded properties) when its
 * answer replaces TAGE's.
 */
final class StatisticalCorrectorTest {

  static LongStream seeds() {
    return LongStream.range(0, 60).map(i -> 0x2545F4914F6CDD1DL * (i + 5));
  }

  /** A TAGE lookup as the corrector reads it. */
  private record Lookup(int hitBank, int altBank, boolean longestMatchPrediction,
      boolean alternatePrediction, boolean highConfidence, boolean mediumConfidence,
      boolean lowConfidence, long pathHistory) implements TageLookup {
  }

  /** Bias tables of 16 entries and one GEHL table of 16 entries on 2 bits of global history. */
  private static final ScConfig SMALL = new ScConfig(4, false, List.of(
      new ScComponent(ScHistory.GLOBAL, new int[] {2}, 4, false, false)), 0, 0, 0, 2, false);

  /** The bimodal provides, not confident either way, nothing else matched. */
  private static final Lookup BIMODAL = new Lookup(0, 0, true, true, false, false, false, 0);

  @Test
  void aFreshCorrectorSumsItsStartingCountersAsComputedByHand() {
    StatisticalCorrector sc = new StatisticalCorrector(SMALL);
    // pc 64: hash 64 ^ 16 = 80. With TAGE's taken the three bias indexes are 1 (bias 31, skewed
    // 7, bank 31: 63 + 15 + 63 = 141, doubled by its confident weight 4), the GEHL index is 0
    // (counter -1, doubled by its weight 7): 282 - 2
    assertTrue(sc.predict(64, BIMODAL, true));
    assertEquals(280, sc.sum());
    // updateThreshold 280 >> 3, local threshold 0, weightStep 2 per confident weight (two)
    assertEquals(35 + 0 + 2 * 2, sc.threshold());
    // with TAGE's not taken the bias indexes are 0 (-32, -8, -32): -63 - 15 - 63, doubled, and
    // the GEHL index, which does not hold the prediction, is the same
    assertTrue(!sc.predict(64, BIMODAL, false));
    assertEquals(-282 - 2, sc.sum());
  }

  @Test
  void aMispredictionMovesEveryCounterReadOneStepAndRaisesBothThresholds() {
    StatisticalCorrector sc = new StatisticalCorrector(SMALL);
    sc.predict(64, BIMODAL, true);
    sc.update(false);
    // bias 31 -> 30, skewed 7 -> 6, bank 31 -> 30: 61 + 13 + 61, doubled; GEHL -1 -> -2: -3,
    // doubled. The weights stay: neither component's sum changed the sign of the total
    sc.predict(64, BIMODAL, true);
    assertEquals(2 * (61 + 13 + 61) - 2 * 3, sc.sum());
    // updateThreshold 281 >> 3 is still 35, the local threshold of the address went up by one
    assertEquals(35 + 1 + 2 * 2, sc.threshold());
  }

  @Test
  void aConfidentCorrectSumIsNotTrained() {
    StatisticalCorrector sc = new StatisticalCorrector(SMALL);
    sc.predict(64, BIMODAL, true);
    sc.update(true); // right, and |280| >= 39: nothing moves
    sc.predict(64, BIMODAL, true);
    assertEquals(280, sc.sum());
    assertEquals(39, sc.threshold());
  }

  private static ScConfig config(SplittableRandom random) {
    return switch (random.nextInt(3)) {
      case 0 -> SMALL;
      case 1 -> ScConfig.BUDGET_8KB;
      default -> ScConfig.BUDGET_64KB;
    };
  }

  /** A lookup TAGE could give: at most one of high, medium and low confidence. */
  private static Lookup randomLookup(SplittableRandom random) {
    int confidence = random.nextInt(4);
    int hit = random.nextInt(37);
    return new Lookup(hit, hit == 0 ? 0 : random.nextInt(hit), random.nextBoolean(),
        random.nextBoolean(), confidence == 0, confidence == 1, confidence == 2,
        random.nextLong() & ((1L << 27) - 1));
  }

  /**
   * Where TAGE and the sum agree, TAGE's answer stands; where they disagree, the sum wins unless
   * TAGE is confident: then TAGE keeps a sum below a quarter of the threshold, and the sum wins
   * from half the threshold (between the two, a chooser decides).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theSumOverridesTageOnlyWhereTageIsNotConfidentOrTheSumIsLarge(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ScConfig config = config(random);
    StatisticalCorrector sc = new StatisticalCorrector(config);
    long[] pcs = random.longs(40, 0x400000, 0x500000).map(pc -> pc & ~3L).toArray();
    int overrides = 0;
    for (int n = 0; n < 20_000; n++) {
      long pc = pcs[random.nextInt(pcs.length)];
      Lookup tage = randomLookup(random);
      boolean tageSide = random.nextInt(4) != 0 == ((pc >>> 2 & 1) == 0);
      boolean prediction = sc.predict(pc, tage, tageSide);
      int sum = sc.sum();
      int threshold = sc.threshold();
      boolean corrector = sum >= 0;
      String where = "seed " + seed + ", step " + n + ", sum " + sum + ", threshold " + threshold;
      if (corrector == tageSide) {
        assertEquals(tageSide, prediction, where);
      } else if (!tage.highConfidence() && !tage.mediumConfidence()) {
        assertEquals(corrector, prediction, where);
        overrides++;
      } else if (tage.highConfidence() && Math.abs(sum) < threshold / 4) {
        assertEquals(tageSide, prediction, where);
      } else if (tage.highConfidence() && Math.abs(sum) >= threshold / 2) {
        assertEquals(corrector, prediction, where);
      } else if (tage.mediumConfidence() && Math.abs(sum) >= threshold / 4) {
        assertEquals(corrector, prediction, where);
      }
      boolean taken = random.nextInt(8) != 0 == ((pc >>> 3 & 1) == 0);
      sc.update(taken);
      if (corrector == taken && Math.abs(sum) >= threshold) {
        // confident and right: nothing was trained, the same lookup sums the same
        assertEquals(sum, sumOf(sc, pc, tage, tageSide), where);
      }
      sc.updateHistory(pc, pc + 64, taken);
    }
    assertTrue(overrides > 0, "seed " + seed + ": the sum never overrode TAGE");
  }

  private static int sumOf(StatisticalCorrector sc, long pc, Lookup tage, boolean tageSide) {
    sc.predict(pc, tage, tageSide);
    return sc.sum();
  }

  /**
   * A branch that TAGE keeps getting wrong without confidence is soon predicted right by the sum,
   * and stays so: the update rule trains towards the outcome until the sum clears the threshold.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void learnsToCorrectABranchTageAlwaysGetsWrong(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ScConfig config = config(random);
    StatisticalCorrector sc = new StatisticalCorrector(config);
    long pc = 0x400000L + 4L * random.nextInt(1 << 16);
    boolean outcome = random.nextBoolean();
    Lookup tage = new Lookup(1 + random.nextInt(36), 0, !outcome, !outcome, false, false, true,
        random.nextLong() & ((1L << 27) - 1));
    int firstRight = -1;
    for (int n = 0; n < 400; n++) {
      boolean prediction = sc.predict(pc, tage, !outcome);
      if (prediction == outcome && firstRight < 0) {
        firstRight = n;
      }
      if (firstRight >= 0) {
        assertEquals(outcome, prediction, "seed " + seed + ": wrong again at " + n
            + " after right at " + firstRight);
      }
      sc.update(outcome);
    }
    assertTrue(firstRight >= 0 && firstRight < 100, "seed " + seed + ": first right at "
        + firstRight);
    assertTrue(Math.abs(sc.sum()) >= sc.threshold(), "seed " + seed + ": trained to confidence");
  }
}
