package org.bpsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.bpsim.replay.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A predictor that cannot say its storage (a C++ submission without {@code storage_bits=}) is
 * never shown with a plausible "0 KB": JSON {@code null}, an empty CSV cell, "n/a" in every
 * table, left out of the storage chart and the sweep's Pareto frontier with a note naming it.
 * Known storages render as before.
 */
final class UnknownStorageTest {
  private static final String BASELINE = "bimodal:index_bits=14,init=2";
  private static final String NATIVE = "cbp2025:dir=subs/mine";
  private static final long UNKNOWN = RunResult.UNKNOWN_STORAGE;

  private static List<RunResult> rows() {
    return List.of(
        new RunResult("a.gz", BASELINE, OptionalLong.of(1_000_000), 200_000, 150_000, 4_000,
            32_768),
        new RunResult("a.gz", NATIVE, OptionalLong.of(1_000_000), 200_000, 150_000, 2_000,
            UNKNOWN),
        new RunResult("b.gz", BASELINE, OptionalLong.of(2_000_000), 300_000, 250_000, 9_000,
            32_768),
        new RunResult("b.gz", NATIVE, OptionalLong.of(2_000_000), 300_000, 250_000, 5_000,
            UNKNOWN));
  }

  private static Comparison comparison() {
    Provenance provenance = new Provenance("./bpsim compare", "0.1.0-test", "TestOS",
        "2026-01-02T03:04:05Z", List.of());
    return new Comparison(rows(), BASELINE, List.of(), provenance);
  }

  @Test
  void jsonSaysNullAndReadsBackAsUnknown(@TempDir Path dir) throws Exception {
    String json = ResultFormat.JSON.render(rows());
    assertTrue(json.contains("\"storage_bits\" : null"), json);
    assertTrue(json.contains("\"storage_bits\" : 32768"), json);
    Path file = dir.resolve("results.json");
    Files.writeString(file, json);
    List<RunResult> back = ResultsJson.read(file);
    assertEquals(rows(), back);
    assertFalse(back.get(1).storageKnown());
  }

  @Test
  void csvLeavesTheCellEmpty() {
    String csv = ResultFormat.CSV.render(rows());
    String[] lines = csv.split("\n");
    assertTrue(lines[0].contains(",storage_bits,"), lines[0]);
    assertTrue(lines[1].endsWith(",32768,"), lines[1]);
    assertTrue(lines[2].endsWith(",0.986667,2.0000,,"), lines[2]);
  }

  @Test
  void theRunTableSaysNotAvailable() {
    String table = ResultFormat.TABLE.render(rows());
    String nativeRow = table.lines().filter(l -> l.contains(NATIVE)).findFirst().orElseThrow();
    assertTrue(nativeRow.strip().endsWith("n/a"), nativeRow);
    assertFalse(nativeRow.contains("KB") || nativeRow.contains("bits"), nativeRow);
    assertTrue(table.contains("4.00 KB"), table);
  }

  @Test
  void summariesSayNotAvailable() {
    Comparison c = comparison();
    PredictorSummary mine = c.summary().stream().filter(s -> s.predictor().equals(NATIVE))
        .findFirst().orElseThrow();
    assertFalse(mine.storageKnown());
    assertTrue(SummaryTable.render(c).lines().anyMatch(l -> l.contains(NATIVE)
        && l.contains("n/a") && !l.contains("KB")), SummaryTable.render(c));
    String md = MarkdownSummary.render(c);
    assertTrue(md.lines().anyMatch(l -> l.contains(NATIVE) && l.contains("| n/a |")), md);
    assertFalse(md.contains("0.00 KB"), md);
    Map<String, String> files = ReportFiles.of(c);
    String page = files.get(ReportFiles.INDEX);
    assertFalse(page.contains("0.00 KB"), "a 0 KB cell in the page");
    assertTrue(page.contains("<td class=\"n\">n/a</td>"), "no n/a cell in the page");
  }

  @Test
  void theStorageChartLeavesItOutAndSaysSo() {
    ReportChart chart = StorageChart.of(comparison());
    assertTrue(chart.caption().endsWith("Left out, their storage being unknown "
        + "(no storage_bits=): " + NATIVE + "."), chart.caption());
    var dataset = chart.chart().getXYPlot().getDataset();
    assertEquals(1, dataset.getSeriesCount());
    assertEquals(BASELINE, dataset.getSeriesKey(0));
    ReportChart known = StorageChart.of(new Comparison(rows().stream()
        .filter(r -> r.storageKnown()).toList(), BASELINE, List.of(),
        comparison().provenance()));
    assertFalse(known.caption().contains("Left out"), known.caption());
  }

  @Test
  void theSweepLeavesItOffTheFrontierAndTheChartAndNamesIt() {
    List<SweepReport.Configuration> configs = List.of(
        new SweepReport.Configuration(BASELINE, null, Map.of()),
        new SweepReport.Configuration(NATIVE, null, Map.of()));
    List<SweepReport.Point> points = SweepReport.points(rows(), configs);
    assertFalse(points.get(1).storageKnown());
    // Better MPKI at an unknown storage must not push the known point off the frontier.
    assertEquals(List.of(points.get(0)), SweepReport.pareto(points));
    Map<String, String> files = SweepReport.files(rows(), configs);
    String md = files.get(SweepReport.MARKDOWN);
    String note = "Left out, their storage being unknown (no storage_bits=): " + NATIVE + ".";
    assertTrue(md.contains("\n" + note + "\n"), md);
    assertTrue(md.contains("| " + NATIVE + " | n/a | 2.2500 |  |"), md);
    assertTrue(files.get(SweepReport.PAGE).contains("<p>" + note + "</p>"));
    assertTrue(files.get("pareto.svg").contains("configurations"), "pareto chart");
  }
}
