package org.bpsim.predictor.tournament;

import static org.bpsim.predictor.PredictorDriver.mispredictionsAtTheEnd;
import static org.bpsim.predictor.PredictorDriver.predictionsOnRandomStream;
import static org.bpsim.predictor.PredictorDriver.randomPattern;
import static org.bpsim.predictor.PredictorDriver.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class TournamentPredictorTest {
  static LongStream seeds() {
    return new SplittableRandom(21264).longs(300);
  }

  @Test
  void learnsAnAlwaysTakenBranch() {
    BranchPredictor p = new TournamentPredictor(10, 10, 3, 12);
    assertEquals(0, mispredictionsAtTheEnd(p, 0x1234, new boolean[] {true}, 100, 50));
  }

  @Test
  void learnsAnAlternatingBranch() {
    BranchPredictor p = new TournamentPredictor(10, 10, 3, 12);
    assertEquals(0, mispredictionsAtTheEnd(p, 0x1234, new boolean[] {true, false}, 200, 100));
  }

  @Test
  void defaultHasTheAlpha21264Tables() {
    PredictorRegistry registry = PredictorRegistry.builtIn();
    BranchPredictor p = registry.create(registry.resolve("tournament"));
    // 1024 x 10-bit local histories, 1024 x 3-bit local counters, 4096 x 2-bit global and
    // choice counters, 12-bit global history.
    assertEquals(1024 * 10 + 1024 * 3 + 4096 * 2 + 4096 * 2 + 12, p.storageBits());
  }

  @Test
  void localHistoriesSeparateBranchesThatGlobalHistoryMixesUp() {
    // Two loops with different trip counts interleaved: each branch's own pattern repeats.
    BranchPredictor p = new TournamentPredictor(10, 10, 3, 12);
    int missed = 0;
    for (int i = 0; i < 6000; i++) {
      boolean a = step(p, 0x1000, i % 3 != 2);
      boolean b = step(p, 0x2004, i % 5 != 4);
      if (i >= 5000) {
        missed += (a ? 0 : 1) + (b ? 0 : 1);
      }
    }
    assertEquals(0, missed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void learnsAnyPeriodicPatternThatFitsTheLocalHistory(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int localHistory = 2 + random.nextInt(11);
    int period = 1 + random.nextInt(localHistory);
    boolean[] pattern = randomPattern(random, period);
    BranchPredictor p = new TournamentPredictor(random.nextInt(11), localHistory,
        2 + random.nextInt(3), 1 + random.nextInt(14));
    assertEquals(0, mispredictionsAtTheEnd(p, random.nextLong(), pattern, 3000 / period + 50,
        2 * period + 50), "seed " + seed + ", local history " + localHistory + ", period "
        + period);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void storageIsTheSumOfTheFourTablesAndTheGlobalHistory(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int localIndex = random.nextInt(13);
    int localHistory = 1 + random.nextInt(14);
    int localCounter = 1 + random.nextInt(7);
    int global = 1 + random.nextInt(16);
    BranchPredictor p = new TournamentPredictor(localIndex, localHistory, localCounter, global);
    long expected = (1L << localIndex) * localHistory + (1L << localHistory) * localCounter
        + (1L << global) * 2 + (1L << global) * 2 + global;
    assertEquals(expected, p.storageBits(), "seed " + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void isDeterministic(long seed) {
    assertEquals(predictionsOnRandomStream(new TournamentPredictor(8, 8, 3, 10), seed, 500),
        predictionsOnRandomStream(new TournamentPredictor(8, 8, 3, 10), seed, 500),
        "seed " + seed);
  }
}
