package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bpsim.machine.Machines;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.MicroOp;
import org.bpsim.predictor.spi.PipelineHookedPredictor;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link KitHookDriver} calls a {@link PipelineHookedPredictor} exactly as the kit's loop would
 * ({@link KitHookLoop}), given the model's own cycles: on seeded synthetic kit traces (loads,
 * stores, dependent chains, branches, some mispredicted, a window that fills) and on the shared
 * int sample's first 20,000 instructions. A Java predictor, so it runs without a compiler; the
 * staged calls are never used on this machine.
 */
final class KitHookDriverTest {
  @TempDir
  Path work;

  /** Logs every hook in the tests' one-line format; predicts a function of pc and seq_no. */
  private static final class Recorder implements PipelineHookedPredictor {
    final List<String> log = new ArrayList<>();
    boolean stagedCalled;

    @Override
    public void notifyInstrFetch(MicroOp op, long fetchCycle) {
      log.add("i " + op.seqNo() + " " + op.piece() + " " + op.pc() + " " + fetchCycle);
    }

    @Override
    public boolean getCondDirPrediction(long seqNo, int piece, long pc, long predictCycle) {
      boolean guess = (((pc >>> 2) ^ seqNo) & 1) != 0;
      log.add("p " + seqNo + " " + piece + " " + predictCycle + " " + (guess ? 1 : 0));
      return guess;
    }

    @Override
    public void specUpdate(long seqNo, int piece, long pc, int instClass, boolean taken,
        boolean predicted, long nextPc) {
      log.add("s " + seqNo + " " + piece + " " + instClass + " " + (taken ? 1 : 0) + " "
          + (predicted ? 1 : 0));
    }

    @Override
    public void notifyInstrDecode(long seqNo, int piece, long pc, long decodeCycle) {
      log.add("d " + seqNo + " " + piece + " " + decodeCycle);
    }

    @Override
    public void notifyAgenComplete(long seqNo, int piece, long pc, long agenCycle) {
      log.add("a " + seqNo + " " + piece + " " + agenCycle + " 1");
    }

    @Override
    public void notifyInstrExecuteResolve(long seqNo, int piece, long pc, boolean predicted,
        long executeCycle) {
      log.add("x " + seqNo + " " + piece + " " + executeCycle + " " + (predicted ? 1 : 0));
    }

    @Override
    public void notifyInstrCommit(long seqNo, int piece, long pc, boolean predicted,
        long commitCycle) {
      log.add("c " + seqNo + " " + piece + " " + commitCycle + " " + (predicted ? 1 : 0));
    }

    @Override
    public boolean predictAtFetch(long seqNo, long pc) {
      stagedCalled = true;
      return false;
    }

    @Override
    public void specUpdate(long seqNo, long pc, BranchKind kind, boolean predicted,
        boolean taken, long nextPc) {
      stagedCalled = true;
    }

    @Override
    public void resolveAtExecute(long seqNo, long pc, boolean taken, boolean predicted,
        long nextPc) {
      stagedCalled = true;
    }

    @Override
    public boolean predict(long pc) {
      throw new AssertionError("not on the kit's model");
    }

    @Override
    public void update(long pc, long target, BranchKind kind, boolean taken) {
      throw new AssertionError("not on the kit's model");
    }

    @Override
    public long storageBits() {
      return 0;
    }
  }

  private static void check(Path trace, long maxInstructions) throws IOException {
    Recorder recorder = new Recorder();
    List<KitHookLoop.Placed> placed = new ArrayList<>();
    Simulation simulation = new Simulation(Machines.preset("cbp2025"), () -> recorder, true, 0,
        maxInstructions);
    simulation.observer = KitHookLoop.recorder(placed);
    simulation.run(List.of(trace), LlcMode.SHARED);
    List<String> expected = KitHookLoop.calls(placed, recorder.log);
    for (int i = 0; i < Math.min(expected.size(), recorder.log.size()); i++) {
      assertEquals(expected.get(i), recorder.log.get(i), trace + ", call " + i);
    }
    assertEquals(expected.size(), recorder.log.size(), trace.toString());
    assertTrue(!recorder.stagedCalled, "a staged call on the kit's model");
    for (String kind : List.of("i ", "p ", "s ", "d ", "a ", "x ", "c ")) {
      assertTrue(recorder.log.stream().anyMatch(l -> l.startsWith(kind)), kind + "hooks");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {0x4B1D0001L, 0x4B1D0002L, 0x4B1D0003L})
  void syntheticTraces(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    SyntheticTrace trace = new SyntheticTrace();
    long pc = 0x400000;
    for (int i = 0; i < 6000; i++) {
      switch (random.nextInt(7)) {
        case 0 -> trace.loadInto(pc, 0x1000000L + 64L * random.nextInt(4096), 1 + random.nextInt(4));
        case 1 -> trace.store(pc, 0x1000000L + 64L * random.nextInt(4096));
        case 2 -> trace.dependent(pc, random.nextBoolean() ? 6 : 7);
        case 3 -> trace.notTakenBranchOn(pc, 1 + random.nextInt(4));
        case 4 -> {
          long target = 0x400000 + 4L * random.nextInt(4096);
          trace.jump(pc, target);
          pc = target - 4;
        }
        default -> trace.alu(pc);
      }
      pc += 4;
    }
    check(trace.write(work.resolve("t" + seed + ".gz")), Long.MAX_VALUE);
  }

  @Test
  void theSharedIntSample() throws IOException {
    check(SharedMaterial.traceOrSkip("cbp2025/sample_int_trace.gz"), 20_000);
  }
}
