package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.StagedBranchPredictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The driver calls a staged predictor in the order the CBP-2025 kit's {@code uarchsim_t::step}
 * does, checked against a literal model of the kit's loop: before each instruction, for every
 * cycle from the previous instruction's fetch cycle to this one's (when they differ), the execute
 * queue is scanned in insertion order and each entry executing in that cycle is resolved; then
 * the instruction is predicted and its histories updated, and it joins the execute queue.
 */
final class StagedPredictorDriverTest {

  /** One instruction of a random stream: fetch cycle, execute cycle, branch kind or null. */
  private record Instruction(long fetch, long execute, BranchKind kind, boolean taken) {}

  /** Calls as text, in order. */
  private static final class Log implements StagedBranchPredictor {
    final List<String> calls = new ArrayList<>();
    final SplittableRandom predictions;

    Log(long seed) {
      predictions = new SplittableRandom(seed);
    }

    @Override
    public boolean predictAtFetch(long seqNo, long pc) {
      calls.add("P " + seqNo);
      return predictions.nextBoolean();
    }

    @Override
    public void specUpdate(long seqNo, long pc, BranchKind kind, boolean predicted,
        boolean taken, long nextPc) {
      calls.add("S " + seqNo + " " + kind + " " + predicted + " " + taken);
    }

    @Override
    public void resolveAtExecute(long seqNo, long pc, boolean taken, boolean predicted,
        long nextPc) {
      calls.add("R " + seqNo + " " + taken + " " + predicted);
    }

    @Override
    public boolean predict(long pc) {
      throw new AssertionError();
    }

    @Override
    public void update(long pc, long target, BranchKind kind, boolean taken) {
      throw new AssertionError();
    }

    @Override
    public long storageBits() {
      return 0;
    }
  }

  /**
   * A stream like the kit's: fetch cycles never decrease (mostly several instructions a cycle,
   * sometimes a stall), each instruction executes after its fetch (10 cycles at least, sometimes
   * a long miss), and a mispredicted branch makes fetch resume at its execute cycle, which the
   * generator cannot know in advance, so it is applied as the predictions come (see run).
   */
  private static List<Instruction> stream(long seed, int length) {
    SplittableRandom random = new SplittableRandom(seed);
    BranchKind[] kinds = BranchKind.values();
    List<Instruction> instructions = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      long latency = 10 + random.nextInt(random.nextInt(8) == 0 ? 300 : 6);
      BranchKind kind = random.nextInt(3) == 0 ? kinds[random.nextInt(kinds.length - 1)] : null;
      boolean taken = kind != null && (kind != BranchKind.CONDITIONAL || random.nextBoolean());
      instructions.add(new Instruction(random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0,
          latency, kind, taken));
    }
    return instructions;
  }

  /**
   * Places the stream in time (fetch advances are relative, execute latencies relative to
   * fetch; a misprediction moves fetch to the branch's execute cycle) and feeds both the driver
   * and the kit's loop.
   */
  private static void run(List<Instruction> relative, Log viaDriver, Log viaKitLoop) {
    StagedPredictorDriver driver = new StagedPredictorDriver(viaDriver, 4);
    LinkedList<long[]> executeQueue = new LinkedList<>(); // seq, cycle, taken, predicted
    long fetch = 0;
    long previousFetch = 0;
    for (int seq = 0; seq < relative.size(); seq++) {
      Instruction in = relative.get(seq);
      fetch += in.fetch();
      long execute = fetch + in.execute();
      // The kit's loop.
      if (previousFetch != fetch) {
        for (long cycle = previousFetch; cycle <= fetch; cycle++) {
          for (Iterator<long[]> it = executeQueue.iterator(); it.hasNext(); ) {
            long[] e = it.next();
            if (e[1] == cycle) {
              viaKitLoop.resolveAtExecute(e[0], 0, e[2] == 1, e[3] == 1, 0);
              it.remove();
            }
          }
        }
      }
      boolean kitPredicted = true;
      if (in.kind() == BranchKind.CONDITIONAL) {
        kitPredicted = viaKitLoop.predictAtFetch(seq, 0);
      }
      if (in.kind() != null) {
        viaKitLoop.specUpdate(seq, 0, in.kind(), kitPredicted, in.taken(), 0);
        if (in.kind() == BranchKind.CONDITIONAL) {
          executeQueue.add(new long[] {seq, execute, in.taken() ? 1 : 0, kitPredicted ? 1 : 0});
        }
      }
      // The driver.
      driver.reachFetchCycle(fetch);
      boolean predicted = in.kind() == null
          || driver.fetchBranch(seq, 0, in.kind(), in.taken(), 0, execute);
      assertEquals(kitPredicted, predicted);
      previousFetch = fetch;
      if (in.kind() == BranchKind.CONDITIONAL && predicted != in.taken()) {
        fetch = Math.max(fetch, execute);
      }
    }
  }

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void callsComeInTheKitsOrder(long seed) {
    Log viaDriver = new Log(seed);
    Log viaKitLoop = new Log(seed);
    run(stream(seed, 3000), viaDriver, viaKitLoop);
    assertEquals(viaKitLoop.calls.size(), viaDriver.calls.size(), "seed " + seed);
    for (int i = 0; i < viaKitLoop.calls.size(); i++) {
      assertEquals(viaKitLoop.calls.get(i), viaDriver.calls.get(i),
          "seed " + seed + ": call " + i + " differs");
    }
  }

  /** Branches due by the same fetch: by execute cycle, ties in fetch order; due means at or before. */
  @Test
  void dueBranchesResolveByExecuteCycleThenFetchOrder() {
    Log log = new Log(0);
    StagedPredictorDriver driver = new StagedPredictorDriver(log, 1);
    driver.fetchBranch(0, 0, BranchKind.CONDITIONAL, true, 0, 30);
    driver.fetchBranch(1, 0, BranchKind.CONDITIONAL, true, 0, 20);
    driver.fetchBranch(2, 0, BranchKind.DIRECT_JUMP, true, 0, 5);
    driver.fetchBranch(3, 0, BranchKind.CONDITIONAL, true, 0, 20);
    driver.fetchBranch(4, 0, BranchKind.CONDITIONAL, true, 0, 31);
    log.calls.clear();
    driver.reachFetchCycle(19);
    assertEquals(List.of(), log.calls);
    driver.reachFetchCycle(30);
    assertEquals(List.of("R 1", "R 3", "R 0"), log.calls.stream()
        .map(c -> c.substring(0, c.indexOf(' ', 2))).toList());
    assertEquals(1, driver.inFlight());
  }
}
