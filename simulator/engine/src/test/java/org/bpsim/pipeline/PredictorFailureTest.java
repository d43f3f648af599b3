package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.bpsim.machine.Machines;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.StagedBranchPredictor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a predictor throws in the timing model, wherever the model calls it (a plain
 * predictor's predict, a staged one's training when fetch reaches its execute cycle, building
 * it), fails that predictor with one line worded as the replay words it (see
 * {@code sim.PluginFault}), the thrower named by its simple name.
 */
final class PredictorFailureTest {
  @TempDir
  Path folder;

  private Path trace;

  @BeforeEach
  void loop() throws IOException {
    SyntheticTrace loop = new SyntheticTrace();
    for (int i = 0; i < 200; i++) {
      loop.alu(0x1000).notTakenBranch(0x1004).jump(0x1008, 0x1000);
    }
    trace = loop.write(folder.resolve("loop_trace.gz"));
  }

  private String failure(Supplier<BranchPredictor> predictors) {
    return assertThrows(PredictorFailure.class, () -> new Simulation(Machines.preset("cbp2025"),
        predictors, true, 0, Long.MAX_VALUE).run(List.of(trace), LlcMode.SHARED)).getMessage();
  }

  /** A staged predictor that throws {@code orNull}, else {@code error}, when first trained. */
  private static StagedBranchPredictor failingTraining(RuntimeException orNull, Error error) {
    return new StagedBranchPredictor() {
      @Override
      public boolean predictAtFetch(long seqNo, long pc) {
        return true;
      }

      @Override
      public void specUpdate(long seqNo, long pc, BranchKind kind, boolean predicted,
          boolean taken, long nextPc) {
      }

      @Override
      public void resolveAtExecute(long seqNo, long pc, boolean taken, boolean predicted,
          long nextPc) {
        if (orNull != null) {
          throw orNull;
        }
        throw error;
      }

      @Override
      public boolean predict(long pc) {
        return true;
      }

      @Override
      public void update(long pc, long target, BranchKind kind, boolean taken) {
      }

      @Override
      public long storageBits() {
        return 0;
      }
    };
  }

  @Test
  void anErrorWhileTrainingAStagedPredictorIsItsFailure() {
    // an Error of no special kind once escaped the training's catch as an internal error
    assertEquals("threw Error: deliberate error",
        failure(() -> failingTraining(null, new Error("deliberate error"))));
    assertEquals("threw StackOverflowError",
        failure(() -> failingTraining(null, new StackOverflowError())));
    assertEquals("threw IllegalStateException: deliberate failure",
        failure(() -> failingTraining(new IllegalStateException("deliberate failure"), null)));
  }

  @Test
  void aPredictorThatThrowsWhilePredictingOrBeingBuiltFails() {
    BranchPredictor throwing = new BranchPredictor() {
      @Override
      public boolean predict(long pc) {
        throw new IllegalStateException("deliberate\nfailure");
      }

      @Override
      public void update(long pc, long target, BranchKind kind, boolean taken) {
      }

      @Override
      public long storageBits() {
        return 0;
      }
    };
    assertEquals("threw IllegalStateException: deliberate failure", failure(() -> throwing));
    assertEquals("failed to build: UnsupportedOperationException: not today", failure(() -> {
      throw new UnsupportedOperationException("not today");
    }));
    assertEquals("its provider returned no predictor", failure(() -> null));
  }
}
