package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.report.ResultsJson;
import org.bpsim.replay.RunResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReportCommandTest {
  @TempDir
  Path dir;
  private Path traces;

  @BeforeEach
  void writeTraces() throws IOException {
    traces = dir.resolve("traces");
    SmallTraces.write(traces, "alpha.txt", 11, 3_000);
    SmallTraces.write(traces, "beta.txt", 12, 3_000);
  }

  @Test
  void reRenderingAReportKeepsItsResultsAndHardestBranches() throws IOException {
    Path original = dir.resolve("original");
    assertEquals(0, Cli.run("compare", "-t", traces.toString(), "-p", "bimodal", "-p",
        "gshare", "--out", original.toString()).exitCode());
    Path again = dir.resolve("again");
    Cli run = Cli.run("report", original.toString(), "--out", again.toString());
    assertEquals(0, run.exitCode(), run.err());
    for (String file : List.of("results.json", "results.csv", "branches.json", "summary.md")) {
      assertArrayEquals(Files.readAllBytes(original.resolve(file)),
          Files.readAllBytes(again.resolve(file)), file);
    }
    assertTrue(Files.readString(again.resolve("index.html")).contains("./bpsim report "));
  }

  @Test
  void mergesResultsOfSeparateRunsIncludingPlainRunOutput() throws IOException {
    Path bimodal = dir.resolve("bimodal.json");
    Cli first = Cli.run("run", "-t", traces.resolve("alpha.txt").toString(), "-p",
        "bimodal", "--format", "json", "-o", bimodal.toString());
    assertEquals(0, first.exitCode(), first.err());
    Path gshare = dir.resolve("gshare");
    assertEquals(0, Cli.run("compare", "-t", traces.resolve("alpha.txt").toString(), "-p",
        "gshare", "--out", gshare.toString()).exitCode());
    Path merged = dir.resolve("merged");
    Cli run = Cli.run("report", bimodal.toString(), gshare.resolve("results.json")
        .toString(), "--baseline", "gshare", "--out", merged.toString());
    assertEquals(0, run.exitCode(), run.err());
    List<RunResult> results = ResultsJson.read(merged.resolve("results.json"));
    assertEquals(List.of("bimodal:index_bits=14,init=2", "gshare:history=17,index_bits=17,init=2"),
        results.stream().map(RunResult::predictor).toList());
    String page = Files.readString(merged.resolve("index.html"));
    assertTrue(page.contains("baseline <code>gshare:history=17,index_bits=17,init=2</code>"));
  }

  @Test
  void brokenResultsFileIsOneLineExitTwo() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"runs\": [");
    Cli run = Cli.run("report", bad.toString(), "--out", dir.resolve("r").toString());
    assertEquals(2, run.exitCode());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("bpsim: " + bad + ": not valid JSON"), run.err());
    assertTrue(!Files.exists(dir.resolve("r")));
  }

  @Test
  void unknownBaselineIsAnError() throws IOException {
    Path out = dir.resolve("original");
    assertEquals(0, Cli.run("compare", "-t", traces.toString(), "-p", "bimodal", "--out",
        out.toString()).exitCode());
    Cli run = Cli.run("report", out.resolve("results.json").toString(), "--baseline",
        "gshare:history=3", "--out", dir.resolve("r").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("no such predictor in the results"), run.err());
  }
}
