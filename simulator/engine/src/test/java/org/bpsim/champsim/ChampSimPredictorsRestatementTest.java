package org.bpsim.champsim;

import org.bpsim.trace.ProjectRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.InstructionStream;
import org.bpsim.trace.TraceOpener;
import org.bpsim.trace.SharedMaterial;
import org.bpsim.trace.TraceReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in {@code champsim-*} predictors against {@link LiteralChampSim}'s restatements of
 * ChampSim's definitions, prediction for prediction, driven as ChampSim drives them ({@code
 * predict_branch} for every instruction, {@code last_branch_result} for every branch right
 * after), on real traces and on seeded random streams; and driven as a replay drives them
 * ({@code predict} for conditional branches only), where they must still agree with ChampSim's
 * sequence for the branches.
 */
final class ChampSimPredictorsRestatementTest {
  private static final PredictorRegistry REGISTRY = PredictorRegistry.builtIn();
  private static final Path SAMPLES = ProjectRoot.resolve("traces/samples");

  private static BranchPredictor builtIn(String name) {
    return REGISTRY.create(REGISTRY.resolve(name));
  }

  static Stream<String> names() {
    return LiteralChampSim.NAMES.stream();
  }

  /** Compares one instruction; returns whether it was a branch. */
  private static void step(String where, long index, LiteralChampSim.Model model,
      BranchPredictor predictor, long pc, BranchKind kind, boolean taken, long target) {
    boolean expected = model.predictBranch(pc);
    boolean actual = predictor.predict(pc);
    if (expected != actual) {
      assertEquals(expected, actual, where + ": instruction " + index + " at pc 0x"
          + Long.toHexString(pc) + " (" + kind + ")");
    }
    if (kind != null) {
      model.lastBranchResult(pc, target, taken, kind);
      predictor.update(pc, target, kind, taken);
    }
  }

  static Stream<Arguments> champSimTraces() {
    Stream.Builder<Arguments> traces = Stream.builder();
    for (String name : LiteralChampSim.NAMES) {
      traces.add(Arguments.of(name, SAMPLES.resolve("perl.champsimtrace.xz"), 150_000));
      traces.add(Arguments.of(name, SAMPLES.resolve("python3.champsimtrace.xz"), 150_000));
      traces.add(Arguments.of(name, SharedMaterial.folder()
          .resolve("traces/champsim/bzip2.champsimtrace.xz"), 200_000));
    }
    return traces.build();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("champSimTraces")
  void agreesOnChampSimTracesWithEveryInstructionPredicted(String name, Path trace,
      int instructions) throws IOException {
    Assumptions.assumeTrue(Files.exists(trace), SharedMaterial.notFound(trace));
    LiteralChampSim.Model model = LiteralChampSim.named(name);
    BranchPredictor predictor = builtIn(name);
    assertTrue(predictor.predictsEveryInstruction());
    long branches = 0;
    try (InstructionStream stream = TraceOpener.instructions(trace)) {
      for (long i = 0; i < instructions && stream.next(); i++) {
        BranchKind kind = stream.branchKind();
        branches += kind != null ? 1 : 0;
        step(trace.getFileName().toString(), i, model, predictor, stream.pc(), kind,
            stream.taken(), stream.target());
      }
    }
    assertTrue(branches > instructions / 20, "the window has branches: " + branches);
  }

  /** A CBP-2016 trace has only branches: a replay's calls, each branch predicted by ChampSim. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void agreesOnACbp2016TraceDrivenAsAReplay(String name) throws IOException {
    Path trace = SharedMaterial.traceOrSkip("cbp2016/SHORT_MOBILE-1.bt9.trace.gz");
    LiteralChampSim.Model model = LiteralChampSim.named(name);
    BranchPredictor predictor = builtIn(name);
    BranchBatch batch = new BranchBatch(4096);
    long seen = 0;
    try (TraceReader reader = TraceOpener.branches(trace)) {
      int n;
      while (seen < 200_000 && (n = reader.read(batch)) > 0) {
        for (int i = 0; i < n; i++, seen++) {
          replayStep("SHORT_MOBILE-1", seen, model, predictor, batch.pc[i],
              BranchKind.ofCode(batch.kind[i]), batch.taken[i], batch.target[i]);
        }
      }
    }
    assertTrue(seen >= 200_000, "read " + seen);
  }

  /**
   * bpsim's replay calls {@code predict} for conditional branches only; ChampSim's sequence has
   * a prediction before every branch, which the built-in predictors make themselves.
   */
  private static void replayStep(String where, long index, LiteralChampSim.Model model,
      BranchPredictor predictor, long pc, BranchKind kind, boolean taken, long target) {
    boolean expected = model.predictBranch(pc);
    if (kind == BranchKind.CONDITIONAL) {
      boolean actual = predictor.predict(pc);
      if (expected != actual) {
        assertEquals(expected, actual, where + ": branch " + index + " at pc 0x"
            + Long.toHexString(pc));
      }
    }
    model.lastBranchResult(pc, taken ? target : 0, taken, kind);
    predictor.update(pc, taken ? target : 0, kind, taken);
  }

  static Stream<Arguments> seeds() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (String name : LiteralChampSim.NAMES) {
      for (long seed = 1; seed <= 6; seed++) {
        cases.add(Arguments.of(name, seed));
      }
    }
    return cases.build();
  }

  /**
   * Random instruction streams: few pcs, so that tables alias, the perceptron's buffer holds
   * several entries of one pc (a branch pc that is sometimes not a branch) and entries are taken
   * from its middle; every kind, {@code OTHER} included, not-taken ones too; high pc bits set.
   */
  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("seeds")
  void agreesOnSeededRandomStreams(String name, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LiteralChampSim.Model model = LiteralChampSim.named(name);
    BranchPredictor predictor = builtIn(name);
    LiteralChampSim.Model replayModel = LiteralChampSim.named(name);
    BranchPredictor replayed = builtIn(name);
    BranchKind[] kinds = BranchKind.values();
    long high = random.nextLong() & 0x7fff_ffff_0000_0000L;
    String where = name + " seed " + seed;
    for (int i = 0; i < 30_000; i++) {
      long pc = (random.nextInt(4) == 0 ? high : 0x40_0000L) + random.nextInt(300) * 3L;
      BranchKind kind = random.nextInt(3) == 0 ? null
          : random.nextInt(4) == 0 ? kinds[random.nextInt(kinds.length)]
          : BranchKind.CONDITIONAL;
      boolean conditionalOrOther = kind == BranchKind.CONDITIONAL || kind == BranchKind.OTHER;
      boolean taken = kind != null
          && (!conditionalOrOther || ((pc >>> 2) % 3 == 0 ? random.nextInt(8) != 0
              : random.nextBoolean()));
      long target = taken ? pc + 16 + random.nextInt(64) : 0;
      try {
        step(where, i, model, predictor, pc, kind, taken, target);
        if (kind != null) {
          replayStep(where + " (replay)", i, replayModel, replayed, pc, kind, taken, target);
        }
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }
}
