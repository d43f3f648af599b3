package org.bpsim.predictor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: bimodal and gshare follow the definitions branch for branch, written out here
 * as plainly as possible: 2-bit counters starting at {@code init}, bimodal index
 * {@code pc mod 2^N}, gshare index {@code (pc XOR ghr) mod 2^N} with {@code ghr} the last H
 * conditional outcomes, newest in bit 0; other branches change nothing.
 */
final class PredictorDefinitionTest {
  private static final BranchKind[] KINDS = BranchKind.values();

  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0xDEF00000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bimodalAndGshareMatchTheirDefinitions(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    boolean gshare = random.nextBoolean();
    int indexBits = random.nextInt(1, 13);
    int history = gshare ? random.nextInt(0, 65) : 0;
    int init = random.nextInt(4);
    String spec = gshare
        ? "gshare:history=" + history + ",index_bits=" + indexBits + ",init=" + init
        : "bimodal:index_bits=" + indexBits + ",init=" + init;
    BranchPredictor predictor = PredictorRegistry.builtIn()
        .create(PredictorRegistry.builtIn().resolve(spec));

    int[] counters = new int[1 << indexBits];
    Arrays.fill(counters, init);
    long ghr = 0;
    long[] pool = random.longs(1 + random.nextInt(100)).toArray();
    for (int i = 0; i < 4000; i++) {
      long pc = pool[random.nextInt(pool.length)];
      BranchKind kind = random.nextInt(5) == 0 ? KINDS[random.nextInt(KINDS.length)]
          : BranchKind.CONDITIONAL;
      boolean taken = !kind.isConditional() || random.nextInt(3) != 0;
      if (kind.isConditional()) {
        long mixed = gshare ? pc ^ ghr : pc;
        int index = (int) Long.remainderUnsigned(mixed, 1L << indexBits);
        assertEquals(counters[index] >= 2, predictor.predict(pc),
            "seed " + seed + ", " + spec + ": branch " + i);
        counters[index] = taken ? Math.min(3, counters[index] + 1)
            : Math.max(0, counters[index] - 1);
        if (history > 0) {
          ghr = (ghr << 1 | (taken ? 1 : 0))
              & (history == 64 ? -1L : (1L << history) - 1);
        }
      }
      predictor.update(pc, pc + 16, kind, taken);
    }
  }
}
