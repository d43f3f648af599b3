package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bpsim.job.DefaultComparison;
import org.bpsim.job.TraceNames;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.report.BranchesJson;
import org.bpsim.report.ResultsJson;
import org.bpsim.replay.RunResult;
import org.bpsim.replay.TraceHardestBranches;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CompareCommandTest {
  @TempDir
  Path dir;
  private Path traces;

  @BeforeEach
  void writeTraces() throws IOException {
    traces = dir.resolve("traces");
    SmallTraces.write(traces, "alpha.txt", 1, 4_000);
    SmallTraces.write(traces, "beta.txt", 2, 6_000);
    SmallTraces.write(traces, "gamma.txt", 3, 2_000);
  }

  private Cli compare(Path out, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("compare", "-t", traces.toString(),
        "-p", "bimodal:index_bits=4", "-p", "gshare:history=6,index_bits=8", "--top", "5",
        "--out", out.toString()));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(new String[0]));
  }

  private List<String> entries(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesTheWholeReportFolderAndPrintsTheSummaryAndPath() throws IOException {
    Path out = dir.resolve("report");
    Cli run = compare(out);
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of(".bpsim-report", "accuracy.svg", "branches.json", "index.html",
        "results.csv", "results.json", "storage.svg", "summary.md"), entries(out));
    assertTrue(run.out().contains("bimodal:index_bits=4,init=2"), run.out());
    assertTrue(run.out().contains("baseline"), run.out());
    assertTrue(run.out().contains("report: " + out.resolve("index.html")), run.out());
    assertTrue(run.err().contains("compare: [3/3]"), "plain progress lines: " + run.err());
    String page = Files.readString(out.resolve("index.html"));
    assertTrue(page.contains("<svg id='accuracy'"));
    assertTrue(page.contains("alpha.txt"));
    assertFalse(page.contains(dir.toString() + "/traces/alpha.txt</td>"),
        "traces are named by file name, not by where they are");
  }

  @Test
  void resultsAreByteIdenticalAcrossRunsAndMatchTheRunSchema() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    assertEquals(0, compare(first).exitCode());
    assertEquals(0, compare(second, "-j", "1").exitCode());
    for (String file : List.of("results.json", "results.csv", "branches.json", "summary.md",
        "accuracy.svg", "storage.svg")) {
      assertArrayEquals(Files.readAllBytes(first.resolve(file)),
          Files.readAllBytes(second.resolve(file)), file + " differs between runs");
    }
    List<RunResult> results = ResultsJson.read(first.resolve("results.json"));
    assertEquals(6, results.size());
    assertEquals(List.of("alpha.txt", "alpha.txt", "beta.txt", "beta.txt", "gamma.txt",
        "gamma.txt"), results.stream().map(RunResult::trace).toList());
    String csvHeader = Files.readAllLines(first.resolve("results.csv")).get(0);
    Cli run = Cli.run("run", "-t", traces.resolve("alpha.txt").toString(), "-p",
        "bimodal:index_bits=4", "--format", "csv");
    assertEquals(csvHeader, run.out().lines().findFirst().orElseThrow());
    assertTrue(run.out().contains(",4000,4000,"
        + results.get(0).mispredictions() + ","), run.out());
  }

  @Test
  void rerunReplacesTheEarlierReport() throws IOException {
    Path out = dir.resolve("report");
    assertEquals(0, compare(out).exitCode());
    Files.delete(traces.resolve("gamma.txt"));
    assertEquals(0, compare(out).exitCode());
    assertEquals(4, ResultsJson.read(out.resolve("results.json")).size());
    assertEquals(List.of("report", "traces"), entries(dir), "temporary folders left behind");
  }

  @Test
  void hardestBranchesAreRankedByTheBaseline() throws IOException {
    Path out = dir.resolve("report");
    assertEquals(0, compare(out, "--baseline", "gshare:history=6,index_bits=8").exitCode());
    List<TraceHardestBranches> hardest = BranchesJson.read(out.resolve("branches.json"));
    assertEquals(3, hardest.size());
    for (TraceHardestBranches t : hardest) {
      assertEquals("gshare:history=6,index_bits=8,init=2", t.baseline());
      assertEquals(t.baseline(), t.predictors().get(0), "baseline comes first");
      assertTrue(t.branches().size() <= 5);
      for (int i = 1; i < t.branches().size(); i++) {
        assertTrue(t.branches().get(i - 1).mispredictions().get(0)
            >= t.branches().get(i).mispredictions().get(0));
      }
    }
  }

  @Test
  void aBadTraceIsOneLineExitTwoAndNoReport() throws IOException {
    Files.writeString(traces.resolve("broken.txt"), "10 1\n20 x\n");
    Path out = dir.resolve("report");
    Cli run = compare(out);
    assertEquals(2, run.exitCode(), run.err());
    String last = run.err().lines().filter(l -> l.startsWith("bpsim: ")).findFirst()
        .orElseThrow(() -> new AssertionError(run.err()));
    assertTrue(last.contains("broken.txt"), last);
    assertFalse(run.err().contains("\tat "), "stack trace: " + run.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void refusesToOverwriteAFolderThatIsNotAReport() throws IOException {
    Path precious = Files.createDirectories(dir.resolve("precious"));
    Files.writeString(precious.resolve("notes.txt"), "keep me");
    Cli run = compare(precious);
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("is not a bpsim report"), run.err());
    assertEquals("keep me", Files.readString(precious.resolve("notes.txt")));
  }

  @Test
  void withoutTracesOrPredictorsItComparesTheDefaultsOnTheBundledSamples() throws IOException {
    Path home = dir.resolve("home");
    SmallTraces.write(home.resolve("traces/samples"), "sample.txt", 7, 1_000);
    Files.writeString(home.resolve("traces/samples/README.md"), "not a trace");
    String previous = System.getProperty(TraceArguments.HOME_PROPERTY);
    System.setProperty(TraceArguments.HOME_PROPERTY, home.toString());
    try {
      Path out = dir.resolve("report");
      Cli run = Cli.run("compare", "--out", out.toString());
      assertEquals(0, run.exitCode(), run.err());
      List<RunResult> results = ResultsJson.read(out.resolve("results.json"));
      List<String> expected = DefaultComparison.predictors(PredictorRegistry.builtIn()).stream()
          .map(PredictorConfig::canonicalSpec).toList();
      assertEquals(expected, results.stream().map(RunResult::predictor).toList());
      assertEquals("sample.txt", results.get(0).trace());
    } finally {
      if (previous == null) {
        System.clearProperty(TraceArguments.HOME_PROPERTY);
      } else {
        System.setProperty(TraceArguments.HOME_PROPERTY, previous);
      }
    }
  }

  @Test
  void thePredictorGivenTwiceIsAnError() {
    Cli run = Cli.run("compare", "-t", traces.toString(), "-p", "gshare", "-p",
        "gshare:history=17", "--out", dir.resolve("r").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("given twice"), run.err());
  }

  @Test
  void defaultPredictorsStartWithBimodalAndGshareAndSkipUnknownFamilies() {
    List<PredictorConfig> configs = DefaultComparison.predictors(PredictorRegistry.builtIn());
    assertEquals("bimodal", configs.get(0).name());
    assertEquals("gshare", configs.get(1).name());
    assertTrue(configs.size() <= DefaultComparison.CANDIDATES.size());
  }

  @Test
  void traceNamesAreTheShortestDistinguishingTail() {
    assertEquals(List.of("a.gz", "b.gz"), TraceNames.of(List.of(Path.of("/x/one/a.gz"),
        Path.of("/y/two/b.gz"))));
    assertEquals(List.of("one/a.gz", "two/a.gz"), TraceNames.of(List.of(
        Path.of("/x/one/a.gz"), Path.of("/x/two/a.gz"))));
  }
}
