package org.bpsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.bpsim.replay.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers a report must never invent: a failed row or an empty window has no accuracy or MPKI,
 * means compare only over the same traces, and inconsistent rows are refused.
 */
final class HonestNumbersTest {
  @TempDir
  Path dir;

  private static RunResult row(String trace, String predictor, long instructions,
      long conditionals, long mispredictions) {
    return new RunResult(trace, predictor, OptionalLong.of(instructions), conditionals,
        conditionals, mispredictions, 1024);
  }

  private static final RunResult FAILED = new RunResult("t", "throws", OptionalLong.of(1_000),
      10, 8, 0, 0, "threw java.lang.IllegalStateException: deliberate");
  private static final RunResult EMPTY = new RunResult("t", "bimodal", OptionalLong.of(0), 0, 0,
      0, 1024);
  private static final RunResult NO_CONDITIONALS = new RunResult("jumps", "bimodal",
      OptionalLong.of(5_000), 300, 0, 0, 1024);

  @Test
  void aFailedRowCarriesNoNumbersInCsvOrJson() throws IOException {
    String csv = ResultFormat.CSV.render(List.of(FAILED));
    assertEquals("t,throws,,,,,,,,threw java.lang.IllegalStateException: deliberate",
        csv.lines().skip(1).findFirst().orElseThrow());
    JsonNode run = new ObjectMapper().readTree(ResultFormat.JSON.render(List.of(FAILED)))
        .get("runs").get(0);
    for (Column column : Column.ALL) {
      if (column != Column.TRACE && column != Column.PREDICTOR && column != Column.ERROR) {
        assertTrue(run.get(column.key()).isNull(), column.key() + " of a failed row: " + run);
      }
    }
    String table = ResultFormat.TABLE.render(List.of(FAILED));
    assertFalse(table.contains("100.0000%") || table.contains("0.0000"), table);
  }

  @Test
  void aWindowWithoutConditionalBranchesHasNoAccuracyNorMpki() throws IOException {
    for (RunResult r : List.of(EMPTY, NO_CONDITIONALS)) {
      String csv = ResultFormat.CSV.render(List.of(r)).lines().skip(1).findFirst().orElseThrow();
      String[] cells = csv.split(",", -1);
      assertEquals("", cells[6], "accuracy in " + csv);
      assertEquals("", cells[7], "mpki in " + csv);
      JsonNode run = new ObjectMapper().readTree(ResultFormat.JSON.render(List.of(r)))
          .get("runs").get(0);
      assertTrue(run.get("accuracy").isNull(), run.toString());
      assertTrue(run.get("mpki").isNull(), run.toString());
      String table = ResultFormat.TABLE.render(List.of(r));
      assertFalse(table.contains("100.0000%"), table);
      assertTrue(table.lines().skip(2).findFirst().orElseThrow().matches(".*n/a +n/a .*"), table);
    }
  }

  @Test
  void failedAndEmptyRowsReadBackAsTheyWereWritten() throws IOException {
    List<RunResult> results = List.of(new RunResult("t", "throws", OptionalLong.empty(), 0, 0,
        0, 0, "deliberate"), EMPTY, NO_CONDITIONALS);
    Path file = Files.writeString(dir.resolve("results.json"), ResultFormat.JSON.render(results));
    assertEquals(results, ResultsJson.read(file));
  }

  @Test
  void theReportShowsNoNumberForAFailedRow() {
    Comparison comparison = new Comparison(List.of(row("t", "bimodal", 1_000, 100, 10), FAILED),
        "bimodal", List.of(), SampleComparisons.withHostileNames().provenance());
    String md = MarkdownSummary.render(comparison);
    assertTrue(md.contains("| t | `throws` | threw java.lang.IllegalStateException: deliberate |"),
        md);
    String ranking = md.substring(0, md.indexOf("Means are over"));
    assertFalse(ranking.contains("| `throws` |"), "no figure for a failed predictor:\n" + md);
    assertTrue(md.contains("| t | 10.0000 |  |"), "its MPKI cell is empty:\n" + md);
    String page = HtmlPage.render(comparison, List.of(), java.util.Map.of());
    String failures = page.substring(page.indexOf("<section id=\"failures\">"),
        page.indexOf("<section id=\"summary\">"));
    assertFalse(failures.matches("(?s).*<td class=\"n\">.*"), failures);
    assertTrue(failures.contains("deliberate"), failures);
  }

  /** bimodal on 11 traces (8 shared, 3 easy ones of its own), TAGE on the 8 shared only. */
  private static List<RunResult> differentTraceSets() {
    List<RunResult> results = new ArrayList<>();
    for (int t = 0; t < 11; t++) {
      // The 3 traces TAGE lacks are easy: bimodal's mean over all 11 falls below TAGE's.
      long bimodalMisses = t < 8 ? 10_000 : 10;
      results.add(row("trace" + t, "bimodal", 1_000_000, 100_000, bimodalMisses));
      if (t < 8) {
        results.add(row("trace" + t, "tage", 1_000_000, 100_000, 6_000));
      }
    }
    return results;
  }

  @Test
  void meansCompareOnlyOverTracesThatEveryRankedPredictorShares() {
    Comparison comparison = new Comparison(differentTraceSets(), "bimodal", List.of(),
        SampleComparisons.withHostileNames().provenance());
    List<PredictorSummary> summary = comparison.summary();
    PredictorSummary bimodal = summary.get(0);
    PredictorSummary tage = summary.get(1);
    assertTrue(bimodal.ranked());
    assertFalse(tage.ranked(), "TAGE lacks 3 traces: shown apart");
    assertEquals(8, tage.traces());
    assertEquals(11, comparison.sharedTraces().size());

    String md = MarkdownSummary.render(comparison);
    String ranking = md.substring(0, md.indexOf("Means are over"));
    assertTrue(ranking.contains("`bimodal`"), md);
    assertFalse(ranking.contains("`tage`"), "TAGE must not stand in the ranking:\n" + md);
    assertTrue(md.contains("Means are over the 11 traces that every ranked predictor ran on: "
        + "`trace0`, `trace1`"), md);
    assertTrue(md.contains("| `tage` | 8 of 11 |"), md);

    String page = HtmlPage.render(comparison, List.of(), java.util.Map.of());
    String summaryTable = page.substring(page.indexOf("<section id=\"summary\">"),
        page.indexOf("Mean MPKI is the"));
    assertFalse(summaryTable.contains("<code>tage</code>"), summaryTable);
    assertTrue(page.contains("<h3>Not ranked</h3>"), page);
    assertTrue(page.contains("<td class=\"n\">8 of 11</td>"), page);
    String terminal = SummaryTable.render(comparison);
    assertTrue(terminal.contains("not ranked: tage ran on 8 of the 11 traces"), terminal);
  }

  private ResultsFileException refused(String json) throws IOException {
    Path file = Files.writeString(dir.resolve("results.json"), json);
    ResultsFileException e = assertThrows(ResultsFileException.class,
        () -> ResultsJson.read(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    return e;
  }

  private static String run(String fields) {
    return "{\"runs\":[{\"trace\":\"ok\",\"predictor\":\"p\",\"instructions\":1000,"
        + "\"branches\":10,\"conditional_branches\":8,\"mispredictions\":2,\"accuracy\":0.75,"
        + "\"mpki\":2.0,\"storage_bits\":64},{\"trace\":\"bad\",\"predictor\":\"p\"," + fields
        + "}]}";
  }

  @Test
  void inconsistentRowsAreRefusedNamingFileAndRow() throws IOException {
    String counts = "\"instructions\":1000,\"branches\":10,\"conditional_branches\":8,";
    ResultsFileException e = refused(run(counts + "\"mispredictions\":12,\"accuracy\":-0.5,"
        + "\"mpki\":12.0,\"storage_bits\":64"));
    assertTrue(e.getMessage().contains("runs[1] (trace \"bad\", predictor \"p\") is "
        + "inconsistent: 12 mispredictions of 8 conditional branches"), e.getMessage());
    e = refused(run(counts + "\"mispredictions\":2,\"accuracy\":1.5,\"mpki\":2.0,"
        + "\"storage_bits\":64"));
    assertTrue(e.getMessage().contains("runs[1]") && e.getMessage().contains("accuracy 1.5"),
        e.getMessage());
    e = refused(run(counts + "\"mispredictions\":2,\"accuracy\":0.5,\"mpki\":2.0,"
        + "\"storage_bits\":64"));
    assertTrue(e.getMessage().contains("its counts give 0.750000"), e.getMessage());
    e = refused(run("\"instructions\":1000,\"branches\":10,\"conditional_branches\":11,"
        + "\"mispredictions\":2,\"accuracy\":null,\"mpki\":null,\"storage_bits\":64"));
    assertTrue(e.getMessage().contains("11 conditional branches of 10 branches"), e.getMessage());
    e = refused(run(counts + "\"mispredictions\":-2,\"storage_bits\":64"));
    assertTrue(e.getMessage().contains("'mispredictions'"), e.getMessage());
    e = refused(run(counts + "\"mispredictions\":2,\"mpki\":-2.0,\"storage_bits\":64"));
    assertTrue(e.getMessage().contains("MPKI -2.0"), e.getMessage());
  }

  @Test
  void aKeyGivenTwiceIsRefusedNamingIt() throws IOException {
    ResultsFileException e = refused("{\"runs\":[{\"trace\":\"t\",\"predictor\":\"p\","
        + "\"predictor\":\"q\",\"branches\":1,\"conditional_branches\":1,\"mispredictions\":0,"
        + "\"storage_bits\":1}]}");
    assertTrue(e.getMessage().contains("'predictor'"), e.getMessage());
  }
}
