package org.bpsim.predictor.tagescl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.ltage.LoopChooser;
import org.bpsim.predictor.ltage.LoopPredictor;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.tage.TageConfig;
import org.bpsim.predictor.tage.TageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The staged (CBP-2025 kit) mode of tage-sc-l against what must hold whatever the pipeline: with
 * nothing else in flight it is the kit's code with no checkpoint at all; a branch's prediction at
 * execute is its prediction at fetch while no table has been trained since; driven through
 * predict/update it is the CBP-2016 code. On the kit's samples it gives the kit's predictions
 * branch for branch (simulator tests, docs/pipeline.md).
 */
final class KitTageScLTest {

  static LongStream seeds() {
    return LongStream.range(0, 12).map(i -> 0x9E3779B97F4A7C15L * (i + 11));
  }

  /** A seeded stream of branches: loops with fixed trip counts, biased and random branches. */
  private static final class Stream {
    final SplittableRandom random;
    private final long[] loopPc = new long[12];
    private final int[] trips = new int[12];
    private final long[] plainPc = new long[200];
    private int loop = -1;
    private int iteration;
    long pc;
    BranchKind kind;
    boolean taken;
    long nextPc;

    Stream(long seed) {
      random = new SplittableRandom(seed);
      for (int i = 0; i < loopPc.length; i++) {
        loopPc[i] = 0x10000L + 4L * random.nextInt(1 << 14);
        trips[i] = 3 + random.nextInt(40);
      }
      for (int i = 0; i < plainPc.length; i++) {
        plainPc[i] = 0x80000L + 4L * random.nextInt(1 << 16);
      }
    }

    void next() {
      if (loop < 0 && random.nextInt(20) == 0) {
        loop = random.nextInt(loopPc.length);
        iteration = 0;
      }
      if (loop >= 0) {
        // a loop-closing branch: backward, taken until its trip count
        pc = loopPc[loop];
        kind = BranchKind.CONDITIONAL;
        taken = ++iteration < trips[loop];
        nextPc = taken ? pc - 64 : pc + 4;
        if (!taken) {
          loop = -1;
        }
        return;
      }
      pc = plainPc[random.nextInt(plainPc.length)];
      int k = random.nextInt(16);
      kind = k == 0 ? BranchKind.DIRECT_JUMP : k == 1 ? BranchKind.RETURN
          : k == 2 ? BranchKind.INDIRECT_CALL : BranchKind.CONDITIONAL;
      taken = kind != BranchKind.CONDITIONAL
          || ((pc >>> 2) & 3) == 0 ? random.nextInt(10) != 0 : random.nextBoolean();
      nextPc = taken ? pc + 4L * (random.nextInt(200) - 100) : pc + 4;
    }
  }

  /**
   * The kit's protocol with nothing else in flight, written with no checkpoint: the histories at
   * execute are those at fetch, so the prediction needs no redoing; only the loop table and
   * WITHLOOP, which the speculative update changed, are kept to be put back.
   */
  private static final class WithoutCheckpoints {
    final TageEngine tage = new TageEngine(TageConfig.BUDGET_64KB, 0, true);
    final LoopPredictor loop = new LoopPredictor(5, tage.random());
    final LoopChooser chooser = new LoopChooser();
    final StatisticalCorrector corrector = new StatisticalCorrector(ScConfig.BUDGET_64KB, true);
    final LoopPredictor loopBefore = new LoopPredictor(5, tage.random());
    final LoopChooser chooserBefore = new LoopChooser();

    boolean predict(long pc) {
      loopBefore.copyTableFrom(loop);
      chooserBefore.copyFrom(chooser);
      boolean t = tage.predict(pc);
      loop.predict(pc);
      return corrector.predict(pc, tage, chooser.useLoop(loop) ? loop.prediction() : t);
    }

    void specUpdate(long pc, BranchKind kind, boolean predicted, boolean taken, long nextPc) {
      if (kind == BranchKind.CONDITIONAL) {
        chooser.update(loop, predicted, predicted);
        loop.update(predicted, tage.tagePrediction(), false);
        corrector.updateHistoryWithNextPc(pc, nextPc, taken);
      }
      tage.updateHistory(pc, kind, taken);
    }

    void resolve(long pc, boolean taken, boolean predicted) {
      if (predicted != taken) {
        loop.copyTableFrom(loopBefore);
        chooser.copyFrom(chooserBefore);
        loop.predict(pc);
        chooser.update(loop, predicted, taken);
        loop.update(taken, tage.tagePrediction(), true);
      }
      corrector.update(taken);
      tage.update(taken, predicted);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void withNothingElseInFlightItIsTheKitsCodeWithoutCheckpoints(long seed) {
    Stream stream = new Stream(seed);
    KitTageScL staged = new KitTageScL(TageConfig.BUDGET_64KB, 5, ScConfig.BUDGET_64KB);
    WithoutCheckpoints plain = new WithoutCheckpoints();
    long seqNo = 0;
    int mispredicted = 0;
    for (int n = 0; n < 40_000; n++) {
      stream.next();
      seqNo += 1 + stream.random.nextInt(4);
      boolean conditional = stream.kind == BranchKind.CONDITIONAL;
      boolean predicted = true;
      if (conditional) {
        predicted = staged.predictAtFetch(seqNo, stream.pc);
        assertEquals(plain.predict(stream.pc), predicted, "seed " + seed + ", branch " + n);
        mispredicted += predicted != stream.taken ? 1 : 0;
      }
      staged.specUpdate(stream.pc, stream.kind, predicted, stream.taken, stream.nextPc);
      plain.specUpdate(stream.pc, stream.kind, predicted, stream.taken, stream.nextPc);
      if (conditional) {
        assertEquals(predicted, staged.resolveAtExecute(seqNo, stream.pc, stream.taken),
            "seed " + seed + ", branch " + n + " at execute");
        plain.resolve(stream.pc, stream.taken, predicted);
      }
    }
    // the stream is learnable: the predictor did learn (not a comparison of two idle models)
    assertEquals(true, mispredicted < 40_000 / 3, "seed " + seed + ": " + mispredicted);
  }

  /**
   * However many younger branches were predicted and shifted into the histories (and trained the
   * loop table speculatively) meanwhile, the first branch to execute is predicted again exactly as
   * at fetch, its checkpoint standing in for the history it saw; the others then execute in any
   * order, sequence numbers far apart making the checkpoint pool grow.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theFirstBranchToExecuteIsPredictedAgainAsAtFetch(long seed) {
    Stream stream = new Stream(seed ^ 5);
    KitTageScL staged = new KitTageScL(TageConfig.BUDGET_64KB, 5, ScConfig.BUDGET_64KB);
    long seqNo = 0;
    List<long[]> inFlight = new ArrayList<>();
    for (int round = 0; round < 300; round++) {
      int fetched = 1 + stream.random.nextInt(round % 10 == 0 ? 600 : 60);
      for (int n = 0; n < fetched; n++) {
        stream.next();
        seqNo += 1 + stream.random.nextInt(round % 7 == 0 ? 40 : 3);
        boolean predicted = true;
        if (stream.kind == BranchKind.CONDITIONAL) {
          predicted = staged.predictAtFetch(seqNo, stream.pc);
          inFlight.add(new long[] {seqNo, stream.pc, stream.taken ? 1 : 0, predicted ? 1 : 0});
        }
        staged.specUpdate(stream.pc, stream.kind, predicted, stream.taken, stream.nextPc);
      }
      boolean first = true;
      while (!inFlight.isEmpty()) {
        long[] b = inFlight.remove(stream.random.nextInt(inFlight.size()));
        boolean again = staged.resolveAtExecute(b[0], b[1], b[2] == 1);
        if (first) {
          assertEquals(b[3] == 1, again, "seed " + seed + ", round " + round);
          first = false;
        }
      }
    }
    long unknown = seqNo + 1;
    assertThrows(IllegalStateException.class,
        () -> staged.resolveAtExecute(unknown, 0x1000, true));
  }

  /** Driven through predict/update, the staged preset is the CBP-2016 code, branch for branch. */
  @Test
  void drivenAtOnceItIsTheCbp2016Code() {
    Stream stream = new Stream(3);
    TageScLPredictor cbp2016 = new TageScLPredictor(TageConfig.BUDGET_64KB, 5,
        ScConfig.BUDGET_64KB);
    StagedTageScLPredictor staged = new StagedTageScLPredictor(TageConfig.BUDGET_64KB, 5,
        ScConfig.BUDGET_64KB);
    for (int n = 0; n < 30_000; n++) {
      stream.next();
      if (stream.kind == BranchKind.CONDITIONAL) {
        assertEquals(cbp2016.predict(stream.pc), staged.predict(stream.pc), "branch " + n);
      }
      long target = stream.taken ? stream.nextPc : stream.pc - 64;
      cbp2016.update(stream.pc, target, stream.kind, stream.taken);
      staged.update(stream.pc, target, stream.kind, stream.taken);
    }
    assertEquals(cbp2016.storageBits(), staged.storageBits());
  }
}
