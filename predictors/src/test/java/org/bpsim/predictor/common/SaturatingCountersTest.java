package org.bpsim.predictor.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property: 2-bit counters stay within 0..3 and follow the saturating rule exactly. */
final class SaturatingCountersTest {

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0xC0DE0000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void twoBitCountersSaturateAtZeroAndThree(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int entries = 1 << random.nextInt(1, 7);
    int initial = random.nextInt(4);
    SaturatingCounters counters = new SaturatingCounters(entries, 2, initial);
    int[] model = new int[entries];
    java.util.Arrays.fill(model, initial);
    // Long runs in one direction are what push counters against their limits.
    double takenBias = random.nextDouble();
    for (int step = 0; step < 2000; step++) {
      int index = random.nextInt(entries);
      boolean taken = random.nextDouble() < takenBias;
      counters.update(index, taken);
      model[index] = taken ? Math.min(3, model[index] + 1) : Math.max(0, model[index] - 1);
      int value = counters.value(index);
      assertTrue(value >= 0 && value <= 3, "seed " + seed + ": counter " + value
          + " outside 0..3 at step " + step);
      assertEquals(model[index], value, "seed " + seed + ": step " + step);
      assertEquals(value >= 2, counters.predict(index), "seed " + seed + ": step " + step);
    }
    assertEquals(entries * 2L, counters.storageBits(), "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void ctrupdateStepsASignedCounterWithinItsWidth(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int nbits = random.nextInt(1, 9);
    int max = (1 << (nbits - 1)) - 1;
    int min = -(1 << (nbits - 1));
    assertEquals(max, SaturatingCounters.signedMax(nbits), "seed " + seed);
    assertEquals(min, SaturatingCounters.signedMin(nbits), "seed " + seed);
    int ctr = random.nextInt(min, max + 1);
    for (int step = 0; step < 500; step++) {
      boolean taken = random.nextInt(3) != 0 == (step % 100 < 50);
      int expected = taken ? (ctr == max ? max : ctr + 1) : (ctr == min ? min : ctr - 1);
      ctr = SaturatingCounters.ctrupdate(ctr, taken, nbits);
      assertEquals(expected, ctr, "seed " + seed + ": " + nbits + " bits, step " + step);
    }
    int wild = random.nextInt(-1000, 1000);
    assertEquals(Math.max(min, Math.min(max, wild)), SaturatingCounters.clampSigned(wild, nbits),
        "seed " + seed + ": clamp " + wild);
  }
}
