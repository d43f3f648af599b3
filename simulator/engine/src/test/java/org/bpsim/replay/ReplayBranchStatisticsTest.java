package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReplayBranchStatisticsTest {
  @TempDir
  Path dir;

  /**
   * 0x10 alternates taken/not taken, 0x20 is always taken, 0x30 never: a bimodal counter that
   * starts weakly taken misses every not-taken 0x10 and the first 0x30, nothing else.
   */
  private Path handWrittenTrace() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      text.append("10 ").append(i % 2 == 0 ? 1 : 0).append('\n');
      text.append("20 1\n");
      text.append("30 0\n");
    }
    return Files.writeString(dir.resolve("hand.txt"), text);
  }

  private static List<BranchPredictor> fresh(PredictorRegistry registry, List<String> specs) {
    return specs.stream().map(s -> registry.create(registry.resolve(s))).toList();
  }

  @Test
  void hardestBranchesOfAHandWrittenTraceAreTheOnesWorkedOutByHand() throws IOException {
    PredictorRegistry registry = PredictorRegistry.builtIn();
    List<String> specs = List.of("bimodal:index_bits=10", "gshare:history=8,index_bits=10");
    BranchStatistics statistics = new BranchStatistics(2);
    List<RunResult> results = new Replay(handWrittenTrace(), "hand", null,
        ReplayOptions.WHOLE_TRACE).run(specs, fresh(registry, specs), statistics, null);
    assertEquals(51, results.get(0).mispredictions());
    TraceHardestBranches hardest = statistics.hardest("hand", specs, 0, 10);
    assertEquals(3, hardest.staticBranches());
    assertEquals(2, hardest.branches().size());
    HardBranch first = hardest.branches().get(0);
    assertEquals(0x10, first.pc());
    assertEquals(100, first.executions());
    assertEquals(50, first.taken());
    assertEquals(50L, first.mispredictions().get(0));
    HardBranch second = hardest.branches().get(1);
    assertEquals(0x30, second.pc());
    assertEquals(List.of(1L), second.mispredictions().subList(0, 1));
    long gshareTotal = hardest.branches().stream().mapToLong(b -> b.mispredictions().get(1))
        .sum();
    assertEquals(true, gshareTotal <= results.get(1).mispredictions());
    assertEquals(1, statistics.hardest("hand", specs, 0, 1).branches().size());
  }

  @Test
  void collectingStatisticsChangesNoResult() throws IOException {
    PredictorRegistry registry = PredictorRegistry.builtIn();
    List<String> specs = List.of("bimodal:index_bits=4", "gshare:history=6,index_bits=6");
    Path trace = handWrittenTrace();
    List<RunResult> plain = new Replay(trace, "hand", null, ReplayOptions.WHOLE_TRACE)
        .run(specs, fresh(registry, specs));
    long[] progress = new long[1];
    List<RunResult> counted = new Replay(trace, "hand", null, ReplayOptions.WHOLE_TRACE)
        .run(specs, fresh(registry, specs), new BranchStatistics(2), n -> progress[0] += n);
    assertEquals(plain, counted);
    assertEquals(300, progress[0]);
  }
}
