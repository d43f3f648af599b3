package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.machine.MachineConfig;
import org.bpsim.machine.Machines;
import org.bpsim.predictor.gshare.GsharePredictor;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.StagedBranchPredictor;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@link StagedBranchPredictor} in the timing model is called as the CBP-2025 kit calls its
 * predictor: predicted at fetch, histories updated right after, trained when fetch reaches the
 * branch's execute cycle (see {@link StagedPredictorDriver}; the order itself is checked against
 * a model of the kit's loop in {@link StagedPredictorDriverTest}).
 */
final class StagedPredictionTimingTest {
  private static final MachineConfig KIT = kitMachine();

  private static MachineConfig kitMachine() {
    try {
      return Machines.preset("cbp2025");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TempDir
  Path folder;

  /** Predicts not taken, except taken at {@code takenPc}; learns nothing. */
  private static StagedBranchPredictor fixed(long takenPc) {
    return new StagedBranchPredictor() {
      @Override
      public boolean predictAtFetch(long seqNo, long pc) {
        return pc == takenPc;
      }

      @Override
      public void specUpdate(long seqNo, long pc, BranchKind kind, boolean predicted,
          boolean taken, long nextPc) {
      }

      @Override
      public void resolveAtExecute(long seqNo, long pc, boolean taken, boolean predicted,
          long nextPc) {
      }

      @Override
      public boolean predict(long pc) {
        throw new AssertionError("the pipeline must use the staged calls");
      }

      @Override
      public void update(long pc, long target, BranchKind kind, boolean taken) {
        throw new AssertionError("the pipeline must use the staged calls");
      }

      @Override
      public long storageBits() {
        return 0;
      }
    };
  }

  private static RecordingStagedPredictor run(Path trace, StagedBranchPredictor inner)
      throws IOException {
    return run(trace, inner, new CoreResult[1]);
  }

  /**
   * Runs {@code trace} on the kit's machine with {@code inner} recorded; the call log is also
   * written where the system property {@code bpsim.hookLog} says, for comparisons outside the
   * project.
   */
  private static RecordingStagedPredictor run(Path trace, StagedBranchPredictor inner,
      CoreResult[] result) throws IOException {
    String log = System.getProperty("bpsim.hookLog");
    RecordingStagedPredictor recorder = new RecordingStagedPredictor(inner,
        log == null ? null : Path.of(log));
    try {
      result[0] = new Simulation(KIT, () -> recorder, true, 0, Long.MAX_VALUE)
          .run(List.of(trace), LlcMode.SHARED).get(0);
    } finally {
      recorder.close();
    }
    return recorder;
  }

  /**
   * A load that misses to memory, a branch on its result, then a loop of 12 independent
   * branches and a jump back, all in one instruction-cache line (so that only the first fetch
   * misses): one fetch group, 12 predictions, a cycle.
   */
  private Path branchOnAMiss() throws IOException {
    SyntheticTrace trace = new SyntheticTrace().loadInto(0x1000, 0x4000_0000L, 5)
        .notTakenBranchOn(0x1004, 5);
    for (int i = 0; i < 250; i++) {
      for (int k = 0; k < 12; k++) {
        trace.notTakenBranch(0x1008 + 4L * k);
      }
      trace.jump(0x1038, 0x1008);
    }
    return trace.write(folder.resolve("miss_branch_trace.gz"));
  }

  private static int indexOf(RecordingStagedPredictor r, byte call, long seq) {
    for (int i = 0; i < r.size(); i++) {
      if (r.call(i) == call && r.seq(i) == seq) {
        return i;
      }
    }
    return -1;
  }

  private static int predictionsBefore(RecordingStagedPredictor r, int index) {
    int n = 0;
    for (int i = 0; i < index; i++) {
      n += r.call(i) == RecordingStagedPredictor.PREDICT ? 1 : 0;
    }
    return n;
  }

  /**
   * A correctly predicted branch waiting for a miss is trained only after the predictions of
   * the younger branches fetched meanwhile (the window's worth: fetch fills the 1024-entry
   * window, then waits for the load to retire), and after younger branches that executed
   * earlier were trained.
   */
  @Test
  void aBranchIsTrainedWhenItExecutesNotWhenItIsFetched() throws IOException {
    RecordingStagedPredictor r = run(branchOnAMiss(), fixed(-1));
    int resolve = indexOf(r, RecordingStagedPredictor.RESOLVE, 1);
    assertTrue(resolve > 0, "the branch on the miss is trained");
    int younger = predictionsBefore(r, resolve) - 1;
    assertTrue(younger >= 900 && younger <= KIT.core().robSize(),
        younger + " younger predictions before its training");
    assertTrue(indexOf(r, RecordingStagedPredictor.RESOLVE, 2) < resolve,
        "a younger independent branch trains first");
    // An independent branch executes 11 cycles after its fetch: it is trained after the
    // predictions of the 10 fetch groups after its own, before those fetched from its execute
    // cycle on.
    int first = indexOf(r, RecordingStagedPredictor.RESOLVE, 2);
    int before = predictionsBefore(r, first);
    assertEquals(1 + 12 + 10 * 12, before, "predictions before the first independent training");
  }

  /** A mispredicted branch is trained before the next prediction: fetch waits for it. */
  @Test
  void aMispredictedBranchIsTrainedBeforeTheNextPrediction() throws IOException {
    RecordingStagedPredictor r = run(branchOnAMiss(), fixed(0x1004));
    int predict = indexOf(r, RecordingStagedPredictor.PREDICT, 1);
    assertEquals(RecordingStagedPredictor.SPEC_UPDATE, r.call(predict + 1));
    assertEquals(1, r.seq(predict + 1));
    assertEquals(RecordingStagedPredictor.RESOLVE, r.call(predict + 2));
    assertEquals(1, r.seq(predict + 2));
    assertTrue(r.predicted(predict + 2) && !r.taken(predict + 2));
    assertEquals(RecordingStagedPredictor.PREDICT, r.call(predict + 3));
    assertEquals(2, r.seq(predict + 3));
  }

  /** Driven call by call in program order, the staged gshare is bpsim's gshare. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theStagedGshareIsAGshare(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StagedGshare staged = new StagedGshare(12, 10);
    GsharePredictor plain = new GsharePredictor(12, 10, 2);
    long[] pcs = random.longs(40, 0, 1 << 20).toArray();
    for (int i = 0; i < 20_000; i++) {
      long pc = pcs[random.nextInt(pcs.length)];
      BranchKind kind = random.nextInt(4) == 0 ? BranchKind.DIRECT_CALL : BranchKind.CONDITIONAL;
      boolean taken = kind != BranchKind.CONDITIONAL || ((pc >> 3) + i / 7) % 3 != 0;
      if (kind == BranchKind.CONDITIONAL) {
        boolean predicted = staged.predictAtFetch(i, pc);
        assertEquals(plain.predict(pc), predicted, "seed " + seed + " branch " + i);
        staged.specUpdate(i, pc, kind, predicted, taken, pc + 4);
        staged.resolveAtExecute(i, pc, taken, predicted, pc + 4);
      } else {
        staged.specUpdate(i, pc, kind, true, true, pc + 64);
      }
      plain.update(pc, pc + 64, kind, taken);
    }
  }

  static LongStream seeds() {
    return LongStream.range(1, 9);
  }

  /**
   * On the shared CBP-2025 sample: every call comes where the kit's would, counted and
   * checksummed. The counts of predictions and history updates per instruction class are the
   * kit's (its cond_branch_predictor_interface.cc, logged in a scratch build on this trace:
   * 128,874 predictions; 181,877 spec_update calls). The order of the training calls depends on
   * the timing model's cycles, which are the kit's cycle for cycle (KitModelOnTheSampleTest
   * checks the whole sequence against the kit's own log with the kit's predictions); the kit has
   * no staged gshare, so the checksum here pins the sequence the kit's model gives with it.
   */
  @Test
  void onTheKitSampleEveryBranchIsCalledWhereTheKitWould() throws IOException {
    Path sample = SharedMaterial.traceOrSkip("cbp2025/sample_int_trace.gz");
    CoreResult[] result = new CoreResult[1];
    RecordingStagedPredictor r = run(sample, new StagedGshare(17, 17), result);
    int mispredictions = 0;
    Map<Long, Integer> predictedAt = new HashMap<>();
    Map<Long, Boolean> mispredicted = new HashMap<>();
    int pendingMispredicted = -1;
    int resolves = 0;
    int trainedAfterYoungerPredictions = 0;
    int trainedOutOfFetchOrder = 0;
    long lastResolved = -1;
    long lastPredicted = -1;
    for (int i = 0; i < r.size(); i++) {
      long seq = r.seq(i);
      switch (r.call(i)) {
        case RecordingStagedPredictor.PREDICT -> {
          assertEquals(-1, pendingMispredicted,
              "a mispredicted branch is trained before the next prediction, call " + i);
          assertTrue(seq > lastPredicted, "predictions in fetch order");
          lastPredicted = seq;
          assertEquals(RecordingStagedPredictor.SPEC_UPDATE, r.call(i + 1));
          assertEquals(seq, r.seq(i + 1), "its history update follows the prediction at once");
          predictedAt.put(seq, i);
          mispredicted.put(seq, r.predicted(i) != r.taken(i + 1));
          if (mispredicted.get(seq)) {
            pendingMispredicted = i;
            mispredictions++;
          }
        }
        case RecordingStagedPredictor.RESOLVE -> {
          Integer at = predictedAt.remove(seq);
          assertTrue(at != null, "branch " + seq + " trained once, after its prediction");
          assertEquals(r.taken(at + 1), r.taken(i));
          assertEquals(r.predicted(at), r.predicted(i));
          if (pendingMispredicted == at) {
            pendingMispredicted = -1;
          }
          resolves++;
          if (seq < lastPredicted) {
            trainedAfterYoungerPredictions++;
          }
          if (seq < lastResolved) {
            trainedOutOfFetchOrder++;
          }
          lastResolved = Math.max(lastResolved, seq);
        }
        default -> {
        }
      }
    }
    assertEquals(128_874, r.count(RecordingStagedPredictor.PREDICT));
    assertEquals(181_877, r.count(RecordingStagedPredictor.SPEC_UPDATE));
    int[] perClass = new int[12];
    for (int i = 0; i < r.size(); i++) {
      if (r.call(i) == RecordingStagedPredictor.SPEC_UPDATE) {
        perClass[RecordingStagedPredictor.kitClass(r.kind(i))]++;
      }
    }
    assertEquals(List.of(128_874, 20_966, 6_235, 4_880, 8_020, 12_902),
        List.of(perClass[3], perClass[4], perClass[5], perClass[9], perClass[10], perClass[11]));
    // The branches still in flight at the end are never trained, as in the kit (no drain).
    int inFlight = predictedAt.size();
    assertEquals(128_874, resolves + inFlight);
    assertTrue(inFlight > 0 && inFlight <= KIT.core().robSize(), inFlight + " in flight");
    assertTrue(trainedAfterYoungerPredictions > 100_000, trainedAfterYoungerPredictions + "");
    assertTrue(trainedOutOfFetchOrder > 1_000, trainedOutOfFetchOrder + "");
    assertEquals(result[0].directionMispredictions(), mispredictions);
    assertEquals(415, mispredictions, "the staged gshare's mispredictions");
    assertEquals(7080185375234325682L, r.checksum(), "hook sequence checksum");
  }
}
