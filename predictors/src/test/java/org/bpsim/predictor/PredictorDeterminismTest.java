package org.bpsim.predictor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.PredictorConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: a predictor is a function of its configuration and the branches it has seen; two
 * fresh instances fed the same stream predict the same, branch for branch.
 */
final class PredictorDeterminismTest {
  private static final BranchKind[] KINDS = BranchKind.values();

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0xD0D0_0000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameStreamTwiceGivesTheSamePredictions(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    PredictorRegistry registry = PredictorRegistry.builtIn();
    String spec = random.nextBoolean()
        ? "bimodal:index_bits=" + random.nextInt(1, 13) + ",init=" + random.nextInt(4)
        : "gshare:history=" + random.nextInt(0, 65) + ",index_bits=" + random.nextInt(1, 13)
            + ",init=" + random.nextInt(4);
    PredictorConfig config = registry.resolve(spec);
    int count = 3000;
    long[] pc = new long[count];
    byte[] kind = new byte[count];
    boolean[] taken = new boolean[count];
    long[] pool = random.longs(1 + random.nextInt(64)).toArray();
    for (int i = 0; i < count; i++) {
      pc[i] = pool[random.nextInt(pool.length)];
      kind[i] = random.nextInt(4) == 0 ? KINDS[random.nextInt(KINDS.length)].code()
          : BranchKind.CONDITIONAL.code();
      taken[i] = KINDS[kind[i]] != BranchKind.CONDITIONAL || random.nextBoolean();
    }
    boolean[] first = predictions(registry.create(config), pc, kind, taken);
    boolean[] second = predictions(registry.create(config), pc, kind, taken);
    assertArrayEquals(first, second, "seed " + seed + ": " + config);
  }

  private static boolean[] predictions(BranchPredictor predictor, long[] pc, byte[] kind,
      boolean[] taken) {
    boolean[] predicted = new boolean[pc.length];
    for (int i = 0; i < pc.length; i++) {
      BranchKind k = KINDS[kind[i]];
      if (k.isConditional()) {
        predicted[i] = predictor.predict(pc[i]);
      }
      predictor.update(pc[i], pc[i] + 64, k, taken[i]);
    }
    return predicted;
  }
}
