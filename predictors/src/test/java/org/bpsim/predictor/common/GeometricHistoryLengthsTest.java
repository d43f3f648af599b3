package org.bpsim.predictor.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class GeometricHistoryLengthsTest {

  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0x5DEECE66DL * (i + 3));
  }

  @Test
  void lengthsGrowGeometricallyFromShortestToLongest() {
    int[] lengths = GeometricHistoryLengths.of(18, 6, 3000);
    assertEquals(6, lengths[0]);
    assertEquals(3000, lengths[17]);
    double ratio = Math.pow(3000.0 / 6, 1.0 / 17);
    for (int i = 1; i < lengths.length; i++) {
      assertTrue(lengths[i] > lengths[i - 1], "strictly increasing at " + i);
      double expected = 6 * Math.pow(ratio, i);
      assertTrue(Math.abs(lengths[i] - expected) <= 0.5, "rounded geometric term " + i);
    }
  }

  @Test
  void classicEightTableSeriesMatchesThePaper() {
    // TAGE 2006: 8 tables... a series of 4 lengths between 5 and 40 doubles each time
    assertArrayEquals(new int[] {5, 10, 20, 40}, GeometricHistoryLengths.of(4, 5, 40));
  }

  @Test
  void strictlyIncreasingLiftsRoundedTies() {
    // 1 * 3^(i/4) rounds to 1, 1, 2, 2, 3: each tie lifted to one more than the length before, past longest if need be
    assertArrayEquals(new int[] {1, 1, 2, 2, 3}, GeometricHistoryLengths.of(5, 1, 3));
    assertArrayEquals(new int[] {1, 2, 3, 4, 5}, GeometricHistoryLengths.strictlyIncreasing(5, 1,
        3));
    assertArrayEquals(new int[] {7}, GeometricHistoryLengths.strictlyIncreasing(1, 2, 7));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void strictlyIncreasingEqualsTheSeriesWhereItHasNoTies(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int count = 1 + random.nextInt(20);
    int shortest = 1 + random.nextInt(20);
    int longest = shortest + random.nextInt(5000);
    int[] series = GeometricHistoryLengths.of(count, shortest, longest);
    int[] lifted = GeometricHistoryLengths.strictlyIncreasing(count, shortest, longest);
    assertEquals(series[0], lifted[0], "seed " + seed);
    for (int i = 1; i < count; i++) {
      assertTrue(lifted[i] > lifted[i - 1], "seed " + seed + ": at " + i);
      assertTrue(lifted[i] >= series[i], "seed " + seed + ": at " + i);
      if (series[i] > lifted[i - 1]) {
        assertEquals(series[i], lifted[i], "seed " + seed + ": no tie at " + i);
      }
    }
  }
}
