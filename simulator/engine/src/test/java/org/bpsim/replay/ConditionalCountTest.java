package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.spi.BranchKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The word-at-a-time count of conditional branches agrees with counting one entry at a time. */
final class ConditionalCountTest {
  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0xc0417L * 7919 + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void countsConditionalBranchesInAnyRangeOfAnyBatch(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] kinds = new byte[random.nextInt(0, 100)];
    int conditionalShare = random.nextInt(0, 11);
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = random.nextInt(10) < conditionalShare ? BranchKind.CONDITIONAL.code()
          : (byte) random.nextInt(BranchKind.values().length);
    }
    int start = random.nextInt(0, kinds.length + 1);
    int stop = random.nextInt(start, kinds.length + 1);
    int expected = 0;
    for (int i = start; i < stop; i++) {
      if (kinds[i] == BranchKind.CONDITIONAL.code()) {
        expected++;
      }
    }
    assertEquals(expected, Replay.countConditionals(kinds, start, stop), "seed " + seed);
  }
}
