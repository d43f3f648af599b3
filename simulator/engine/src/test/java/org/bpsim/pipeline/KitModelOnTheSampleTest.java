package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.bpsim.machine.Machines;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.StagedBranchPredictor;
import org.bpsim.trace.InstructionStream;
import org.bpsim.trace.TraceOpener;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.Test;

/**
 * The cbp2025 machine against the CBP-2025 kit on its int sample, with the kit's own branch
 * predictions replayed: the kit's total cycles and IPC exactly, and the kit's sequence of
 * predictor calls, call for call.
 *
 * <p>{@code kit-sample-int-mispredictions.txt} lists the conditional branches the kit (built
 * unchanged from ramisheikh/cbp2025, its default TAGE-SC-L, default parameters) mispredicts on
 * the sample, one {@code <index> <pc> <taken>} line each, index counting conditional branches
 * from 0. The kit prints for that run 997,301 instructions, 338,411 cycles, IPC 2.9470. The
 * expected checksum is the FNV-1a hash of the kit's own call log (its predictor interface
 * logging every call in the format of {@link RecordingStagedPredictor}), instruction-indexed.
 * bpsim's staged tage-sc-l reproduces the same predictions, hence the same figures.
 */
final class KitModelOnTheSampleTest {
  private static final String SAMPLE = "cbp2025/sample_int_trace.gz";
  private static final long KIT_CYCLES = 338_411;
  private static final long KIT_HOOK_LOG_CHECKSUM = 6593950638179415592L;

  /** The kit's predictions: the trace's own outcomes, flipped where the kit mispredicted. */
  private static BitSet kitPredictions(Path trace) throws IOException {
    BitSet taken = new BitSet();
    int n = 0;
    try (InstructionStream stream = TraceOpener.instructions(trace)) {
      while (stream.next()) {
        if (stream.branchKind() == BranchKind.CONDITIONAL) {
          taken.set(n, stream.taken());
          n++;
        }
      }
    }
    try (InputStream in = KitModelOnTheSampleTest.class.getResourceAsStream(
        "kit-sample-int-mispredictions.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(" ");
        int index = Integer.parseInt(f[0]);
        assertEquals(f[2].equals("1"), taken.get(index), "outcome of branch " + index);
        taken.flip(index);
      }
    }
    return taken;
  }

  /** Predicts the kit's predictions, in order, at fetch. */
  private static final class KitReplay implements StagedBranchPredictor {
    private final BitSet predictions;
    private int next;

    KitReplay(BitSet predictions) {
      this.predictions = predictions;
    }

    @Override
    public boolean predict(long pc) {
      return predictions.get(next++);
    }

    @Override
    public void update(long pc, long target, BranchKind kind, boolean taken) {
    }

    @Override
    public long storageBits() {
      return 0;
    }

    @Override
    public boolean predictAtFetch(long seqNo, long pc) {
      return predictions.get(next++);
    }

    @Override
    public void specUpdate(long seqNo, long pc, BranchKind kind, boolean predicted,
        boolean taken, long nextPc) {
    }

    @Override
    public void resolveAtExecute(long seqNo, long pc, boolean taken, boolean predicted,
        long nextPc) {
    }
  }

  private static CoreResult run(Path trace, BranchPredictor predictor) throws IOException {
    return new Simulation(Machines.preset("cbp2025"), () -> predictor, true, 0, Long.MAX_VALUE)
        .run(List.of(trace), LlcMode.SHARED).get(0);
  }

  @Test
  void theKitsPredictionsGiveTheKitsCyclesAndCallSequence() throws IOException {
    Path sample = SharedMaterial.traceOrSkip(SAMPLE);
    RecordingStagedPredictor recorder =
        new RecordingStagedPredictor(new KitReplay(kitPredictions(sample)), null);
    CoreResult result;
    try {
      result = run(sample, recorder);
    } finally {
      recorder.close();
    }
    assertEquals(997_301, result.instructions());
    assertEquals(264, result.directionMispredictions());
    assertEquals(KIT_CYCLES, result.cycles());
    assertEquals(997_301.0 / KIT_CYCLES, result.ipc(), 1e-12);
    assertEquals("2.9470", String.format("%.4f", result.ipc()));
    assertEquals(KIT_HOOK_LOG_CHECKSUM, recorder.checksum(), "the kit's call sequence");
  }

  /**
   * bpsim's own tage-sc-l:budget=64KB, staged, predicts every conditional branch of the sample as
   * the kit's TAGE-SC-L does (the first branch where they part is named), so the kit's call
   * sequence, cycles and IPC follow.
   */
  @Test
  void theStagedTageScLPredictsEveryBranchAsTheKit() throws IOException {
    Path sample = SharedMaterial.traceOrSkip(SAMPLE);
    BitSet kit = kitPredictions(sample);
    PredictorRegistry registry = PredictorRegistry.builtIn();
    BranchPredictor tage = registry.create(registry.resolve("tage-sc-l:budget=64KB"));
    RecordingStagedPredictor recorder =
        new RecordingStagedPredictor((StagedBranchPredictor) tage, null);
    CoreResult result;
    try {
      result = run(sample, recorder);
    } finally {
      recorder.close();
    }
    int branch = 0;
    for (int i = 0; i < recorder.size(); i++) {
      if (recorder.call(i) == RecordingStagedPredictor.PREDICT) {
        assertEquals(kit.get(branch), recorder.predicted(i),
            "conditional branch " + branch + " (seq " + recorder.seq(i) + ", pc "
                + Long.toHexString(recorder.pc(i)) + "): the first where bpsim and the kit part");
        branch++;
      }
    }
    assertEquals(128_874, branch);
    assertEquals(264, result.directionMispredictions());
    assertEquals(KIT_CYCLES, result.cycles());
    assertEquals("2.9470", String.format("%.4f", result.ipc()));
    assertEquals(KIT_HOOK_LOG_CHECKSUM, recorder.checksum(), "the kit's call sequence");
  }

  /** Timing depends on which branches are mispredicted, not on how the predictor is driven. */
  @Test
  void thePlainReplayOfTheKitsPredictionsGivesTheSameCycles() throws IOException {
    Path sample = SharedMaterial.traceOrSkip(SAMPLE);
    BitSet predictions = kitPredictions(sample);
    BranchPredictor plain = new BranchPredictor() {
      private int next;

      @Override
      public boolean predict(long pc) {
        return predictions.get(next++);
      }

      @Override
      public void update(long pc, long target, BranchKind kind, boolean taken) {
      }

      @Override
      public long storageBits() {
        return 0;
      }
    };
    CoreResult result = run(sample, plain);
    assertEquals(264, result.directionMispredictions());
    assertEquals(KIT_CYCLES, result.cycles());
  }

  /** The kit's cache counts on the sample (its MEMORY HIERARCHY MEASUREMENTS). */
  @Test
  void theKitsCacheCounts() throws IOException {
    Path sample = SharedMaterial.traceOrSkip(SAMPLE);
    CoreResult result = run(sample, new KitReplay(kitPredictions(sample)));
    assertEquals(1_138_403, result.instructionLevels().get(0).accesses());
    assertEquals(310, result.instructionLevels().get(0).misses());
    assertEquals(536_590, result.dataLevels().get(0).accesses());
    assertEquals(1_537, result.dataLevels().get(0).misses());
    // Its prefetches: 5,341 issued to the L1, 475 of them missing there, 475 at L2, 239 at L3.
    assertEquals(List.of(5_341L, 475L, 475L), result.dataLevels().stream()
        .map(LevelResult::prefetches).toList());
    assertEquals(List.of(475L, 475L, 239L), result.dataLevels().stream()
        .map(LevelResult::prefetchMisses).toList());
  }
}
