package org.bpsim.predictor.tage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class FixedModulusTest {

  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0xD1B54A32D192ED03L * (i + 1));
  }

  private static final long[] EDGES = {0, 1, 2, 0xFFFF_FFFFL, 0x1_0000_0000L, 0x1_0000_0001L,
      0x7FFF_FFFF_FFFF_FFFFL, 0x8000_0000_0000_0000L, -1L, -2L, 0xFFFF_FFC0_000C_E718L};

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void equalsTheUnsignedRemainderForEveryValueAndSmallDivisor(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int divisor = 1 + random.nextInt(random.nextBoolean() ? 64 : Integer.MAX_VALUE);
    FixedModulus modulus = new FixedModulus(divisor);
    for (int n = 0; n < 2000; n++) {
      long x = switch (random.nextInt(4)) {
        case 0 -> random.nextLong();
        case 1 -> random.nextLong() & 0xFFFF_FFFFL;
        // PCs of one program: the high word mostly the same, so the cached residue is reused
        case 2 -> 0xFFFF_FFC0_0000_0000L | (random.nextLong() & 0x0FFF_FFFFL);
        default -> EDGES[random.nextInt(EDGES.length)];
      };
      assertEquals(Long.remainderUnsigned(x, divisor), modulus.of(x),
          "seed " + seed + ": " + Long.toUnsignedString(x) + " mod " + divisor);
    }
  }

  @ParameterizedTest(name = "divisor {0}")
  @ValueSource(ints = {1, 2, 3, 5, 7, 10, 20, 31, 64, 1000003, Integer.MAX_VALUE})
  void equalsTheUnsignedRemainderAtTheEdges(int divisor) {
    FixedModulus modulus = new FixedModulus(divisor);
    for (long x : EDGES) {
      for (long d = -3; d <= 3; d++) {
        assertEquals(Long.remainderUnsigned(x + d, divisor), modulus.of(x + d),
            Long.toUnsignedString(x + d) + " mod " + divisor);
      }
    }
  }
}
