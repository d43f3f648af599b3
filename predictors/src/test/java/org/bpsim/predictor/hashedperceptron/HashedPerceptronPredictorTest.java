package org.bpsim.predictor.hashedperceptron;

import static org.bpsim.predictor.PredictorDriver.mispredictionsAtTheEnd;
import static org.bpsim.predictor.PredictorDriver.predictionsOnRandomStream;
import static org.bpsim.predictor.PredictorDriver.randomPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class HashedPerceptronPredictorTest {
  static LongStream seeds() {
    return new SplittableRandom(2005).longs(300);
  }

  @Test
  void learnsAnAlwaysTakenBranch() {
    BranchPredictor p = new HashedPerceptronPredictor(8, 10, 8, 2, 64);
    assertEquals(0, mispredictionsAtTheEnd(p, 0x1234, new boolean[] {true}, 200, 100));
  }

  @Test
  void learnsAnAlternatingBranch() {
    BranchPredictor p = new HashedPerceptronPredictor(8, 10, 8, 2, 64);
    assertEquals(0, mispredictionsAtTheEnd(p, 0x1234, new boolean[] {true, false}, 1000, 200));
  }

  @Test
  void historyLengthsAreGeometricFromNoHistoryToTheMaximum() {
    assertArrayEquals(new int[] {0, 3, 6, 12, 24, 48, 96, 192},
        new HashedPerceptronPredictor(8, 10, 8, 3, 192).historyLengths());
    int[] lengths = new HashedPerceptronPredictor(16, 12, 8, 3, 200).historyLengths();
    assertEquals(0, lengths[0]);
    assertEquals(3, lengths[1]);
    assertEquals(200, lengths[15]);
  }

  @Test
  void defaultIs64KBOfWeightsPlusRegisters() {
    PredictorRegistry registry = PredictorRegistry.builtIn();
    BranchPredictor p = registry.create(registry.resolve("hashed-perceptron"));
    assertEquals(16L * 4096 * 8 + 200 + 16 + 12 + 7, p.storageBits());
  }

  @Test
  void rejectsHistoryRangesTooShortForTheTables() {
    PredictorRegistry registry = PredictorRegistry.builtIn();
    SpecException e = assertThrows(SpecException.class,
        () -> registry.resolve("hashed-perceptron:tables=16,min_history=10,max_history=20"));
    assertTrue(e.getMessage().contains("max_history >= 24"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void learnsAnyPeriodicPatternWithinItsLongestHistory(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int tables = 2 + random.nextInt(10);
    int maxHistory = tables + random.nextInt(40);
    int period = 1 + random.nextInt(Math.min(maxHistory, 16));
    boolean[] pattern = randomPattern(random, period);
    BranchPredictor p = new HashedPerceptronPredictor(tables, 10 + random.nextInt(3), 8, 1,
        maxHistory);
    assertEquals(0, mispredictionsAtTheEnd(p, random.nextLong(), pattern, 6000 / period + 100,
        2 * period + 100), "seed " + seed + ", tables " + tables + ", max history " + maxHistory
        + ", period " + period);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void storageIsTheTablesPlusTheRegisters(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int tables = 2 + random.nextInt(20);
    int tableBits = 1 + random.nextInt(10);
    int weightBits = 2 + random.nextInt(7);
    int min = 1 + random.nextInt(8);
    int max = min + tables - 2 + random.nextInt(300);
    BranchPredictor p = new HashedPerceptronPredictor(tables, tableBits, weightBits, min, max);
    assertEquals((long) tables * (1L << tableBits) * weightBits + max + 16 + 12 + 7,
        p.storageBits(), "seed " + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void isDeterministic(long seed) {
    assertEquals(
        predictionsOnRandomStream(new HashedPerceptronPredictor(8, 9, 6, 2, 80), seed, 500),
        predictionsOnRandomStream(new HashedPerceptronPredictor(8, 9, 6, 2, 80), seed, 500),
        "seed " + seed);
  }
}
