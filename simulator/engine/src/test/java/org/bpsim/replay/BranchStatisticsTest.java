package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.trace.BranchBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class BranchStatisticsTest {

  /** Predicts taken when the pc's low bit is set; learns nothing. */
  private static final class ParityPredictor implements BranchPredictor {
    @Override
    public boolean predict(long pc) {
      return (pc & 1) != 0;
    }

    @Override
    public void update(long pc, long target, BranchKind kind, boolean taken) {
    }

    @Override
    public long storageBits() {
      return 0;
    }
  }

  /** Predicts whatever the last conditional branch did: a predictor with state. */
  private static final class LastOutcomePredictor implements BranchPredictor {
    private boolean last;

    @Override
    public boolean predict(long pc) {
      return last;
    }

    @Override
    public void update(long pc, long target, BranchKind kind, boolean taken) {
      if (kind == BranchKind.CONDITIONAL) {
        last = taken;
      }
    }

    @Override
    public long storageBits() {
      return 1;
    }
  }

  static Stream<Long> seeds() {
    return IntStream.range(0, 300).mapToObj(i -> 0x5EED_0000L + i);
  }

  /**
   * Random batches (several kinds, address pools small enough to repeat and large enough to grow
   * the table) against a plain map: every count and the ranking must agree.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void countsAgreeWithAPlainMapOverRandomBatches(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int pool = 1 + random.nextInt(random.nextBoolean() ? 20 : 5_000);
    long[] addresses = new long[pool];
    for (int i = 0; i < pool; i++) {
      addresses[i] = random.nextLong();
    }
    BranchPredictor[] predictors = {new ParityPredictor(), new LastOutcomePredictor()};
    BranchStatistics statistics = new BranchStatistics(predictors.length);
    Map<Long, long[]> expected = new HashMap<>();
    BranchKind[] kinds = BranchKind.values();
    BranchPredictor[] mirrors = {new ParityPredictor(), new LastOutcomePredictor()};
    int batches = 1 + random.nextInt(4);
    for (int b = 0; b < batches; b++) {
      BranchBatch batch = new BranchBatch(1 + random.nextInt(3_000));
      while (!batch.isFull()) {
        BranchKind kind = random.nextInt(4) == 0 ? kinds[random.nextInt(kinds.length)]
            : BranchKind.CONDITIONAL;
        boolean taken = kind != BranchKind.CONDITIONAL || random.nextBoolean();
        batch.add(addresses[random.nextInt(pool)], 0, kind, taken, batch.size() + 1);
      }
      int n = batch.size();
      int start = random.nextInt(n);
      int[] slots = statistics.record(batch, start, n);
      long[] missed = new long[predictors.length];
      for (int p = 0; p < predictors.length; p++) {
        missed[p] = Replay.replayCounting(predictors[p], batch, start, n, slots, statistics, p);
      }
      for (int i = 0; i < n; i++) {
        BranchKind kind = batch.kindAt(i);
        boolean counted = i >= start && kind == BranchKind.CONDITIONAL;
        long[] row = counted
            ? expected.computeIfAbsent(batch.pc[i], k -> new long[2 + predictors.length])
            : null;
        if (counted) {
          row[0]++;
          row[1] += batch.taken[i] ? 1 : 0;
        }
        for (int p = 0; p < mirrors.length; p++) {
          if (kind == BranchKind.CONDITIONAL) {
            boolean predicted = mirrors[p].predict(batch.pc[i]);
            if (counted && predicted != batch.taken[i]) {
              row[2 + p]++;
            }
          }
          mirrors[p].update(batch.pc[i], 0, kind, batch.taken[i]);
        }
      }
    }
    assertEquals(expected.size(), statistics.staticBranches(), "seed " + seed);
    for (int baseline = 0; baseline < predictors.length; baseline++) {
      TraceHardestBranches hardest = statistics.hardest("t", List.of("parity", "last"),
          baseline, Integer.MAX_VALUE);
      List<HardBranch> want = new ArrayList<>();
      for (Map.Entry<Long, long[]> e : expected.entrySet()) {
        long[] r = e.getValue();
        if (r[2 + baseline] > 0) {
          want.add(new HardBranch(e.getKey(), r[0], r[1], List.of(r[2], r[3])));
        }
      }
      int base = baseline;
      want.sort((x, y) -> {
        int c = Long.compare(y.mispredictions().get(base), x.mispredictions().get(base));
        return c != 0 ? c : Long.compareUnsigned(x.pc(), y.pc());
      });
      assertEquals(want, hardest.branches(), "seed " + seed + ", baseline " + baseline);
    }
  }
}
