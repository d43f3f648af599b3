package org.bpsim.predictor.perceptron;

import static org.bpsim.predictor.PredictorDriver.mispredictionsAtTheEnd;
import static org.bpsim.predictor.PredictorDriver.predictionsOnRandomStream;
import static org.bpsim.predictor.PredictorDriver.randomPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class PerceptronPredictorTest {
  static LongStream seeds() {
    return new SplittableRandom(2001).longs(300);
  }

  @Test
  void learnsAnAlwaysTakenBranch() {
    BranchPredictor p = new PerceptronPredictor(16, 6, 8);
    assertEquals(0, mispredictionsAtTheEnd(p, 0x1234, new boolean[] {true}, 200, 100));
  }

  @Test
  void learnsAnAlternatingBranchFromOneBitOfHistory() {
    BranchPredictor p = new PerceptronPredictor(1, 6, 8);
    assertEquals(0, mispredictionsAtTheEnd(p, 0x1234, new boolean[] {true, false}, 500, 200));
  }

  @Test
  void usesThePapersThreshold() {
    assertEquals(135, PerceptronPredictor.thresholdFor(63));
    assertEquals(42, PerceptronPredictor.thresholdFor(15));
    assertEquals(207, PerceptronPredictor.thresholdFor(100));
    assertEquals(15, PerceptronPredictor.thresholdFor(1));
  }

  @Test
  void defaultIsExactly64KBOfWeightsPlusTheHistory() {
    PredictorRegistry registry = PredictorRegistry.builtIn();
    BranchPredictor p = registry.create(registry.resolve("perceptron"));
    assertEquals(1024L * 64 * 8 + 63, p.storageBits());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void learnsAnyPeriodicPatternNoLongerThanItsHistory(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int history = 1 + random.nextInt(32);
    int period = 1 + random.nextInt(history);
    boolean[] pattern = randomPattern(random, period);
    BranchPredictor p = new PerceptronPredictor(history, random.nextInt(8), 8);
    // The outcome equals the one `period` branches back, a linearly separable function.
    assertEquals(0, mispredictionsAtTheEnd(p, random.nextLong(), pattern, 4000 / period + 50,
        2 * period + 100), "seed " + seed + ", history " + history + ", period " + period);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void storageIsTheWeightTablePlusTheHistoryRegister(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int history = 1 + random.nextInt(100);
    int tableBits = random.nextInt(9);
    int weightBits = 2 + random.nextInt(7);
    BranchPredictor p = new PerceptronPredictor(history, tableBits, weightBits);
    assertEquals((1L << tableBits) * (history + 1) * weightBits + history, p.storageBits(),
        "seed " + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void isDeterministic(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int history = 1 + random.nextInt(64);
    int tableBits = random.nextInt(8);
    int weightBits = 2 + random.nextInt(7);
    assertEquals(
        predictionsOnRandomStream(new PerceptronPredictor(history, tableBits, weightBits), seed,
            500),
        predictionsOnRandomStream(new PerceptronPredictor(history, tableBits, weightBits), seed,
            500), "seed " + seed);
  }

  @Test
  void rejectsImpossibleSizes() {
    assertThrows(IllegalArgumentException.class, () -> new PerceptronPredictor(0, 4, 8));
    assertThrows(IllegalArgumentException.class, () -> new PerceptronPredictor(8, 4, 9));
  }
}
