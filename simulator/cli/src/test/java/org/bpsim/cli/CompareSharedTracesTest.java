package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bpsim.report.BranchesJson;
import org.bpsim.report.ResultsJson;
import org.bpsim.replay.RunResult;
import org.bpsim.replay.TraceHardestBranches;
import org.bpsim.replay.ReferenceCsv;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} over real CBP-2016 traces (the three small ones) gives, row for row, the
 * mispredictions of the independent reference implementation.
 */
final class CompareSharedTracesTest {
  private static final List<String> TRACES = List.of("SHORT_MOBILE-24.bt9.trace.gz",
      "SHORT_MOBILE-27.bt9.trace.gz", "SHORT_MOBILE-28.bt9.trace.gz");

  @TempDir
  Path dir;

  @Test
  void comparisonMatchesTheReferenceMispredictionsAndShowsEveryChart() throws IOException {
    Path folder = SharedMaterial.traceOrSkip("cbp2016");
    Map<String, Long> expected = new HashMap<>();
    Path csv = SharedMaterial.folder().resolve("reference/expected.csv");
    for (List<String> cells : ReferenceCsv.rows(csv)) {
      if (cells.size() >= 5 && cells.get(2).equals("exact")) {
        expected.put(cells.get(0).replace("cbp2016/", "") + " " + cells.get(1),
            Long.parseLong(cells.get(4)));
      }
    }
    Path out = dir.resolve("report");
    Cli run = Cli.run("compare", "-t", folder.resolve(TRACES.get(0)).toString(), "-t",
        folder.resolve(TRACES.get(1)).toString(), "-t", folder.resolve(TRACES.get(2)).toString(),
        "-p", "bimodal:index_bits=14", "-p", "gshare:history=17,index_bits=17", "--out",
        out.toString());
    assertEquals(0, run.exitCode(), run.err());
    List<RunResult> results = ResultsJson.read(out.resolve("results.json"));
    assertEquals(6, results.size());
    for (RunResult r : results) {
      String spec = r.predictor().replace(",init=2", "");
      Long want = expected.get(r.trace() + " " + spec);
      assertTrue(want != null, "no reference row for " + r.trace() + " " + spec);
      assertEquals(want, r.mispredictions(), r.trace() + " " + spec);
    }
    for (TraceHardestBranches t : BranchesJson.read(out.resolve("branches.json"))) {
      long listed = t.branches().stream().mapToLong(b -> b.mispredictions().get(0)).sum();
      long total = results.stream().filter(r -> r.trace().equals(t.trace())).findFirst()
          .orElseThrow().mispredictions();
      assertTrue(listed <= total, t.trace());
      if (t.staticBranches() <= 10) {
        assertEquals(total, listed, "every mispredicted branch is listed for " + t.trace());
      }
    }
    String page = Files.readString(out.resolve("index.html"));
    for (String chart : List.of("mpki", "accuracy", "storage")) {
      assertTrue(page.contains("<svg id='" + chart + "'"), chart);
    }
  }
}
