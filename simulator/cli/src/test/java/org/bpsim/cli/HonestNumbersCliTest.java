package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bpsim.cli.faulty.ThrowingProvider;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.replay.RunResult;
import org.bpsim.trace.BranchRecord;
import org.bpsim.trace.Compression;
import org.bpsim.trace.bpt.BptLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers bpsim must never invent, end to end: damaged {@code .bpt} metadata, a BT9 header that
 * disagrees with its trace, windows that count nothing, failed rows.
 */
final class HonestNumbersCliTest {
  @TempDir
  Path dir;

  private Path convertedBpt(String name) throws IOException {
    Path bt9 = SampleTraces.bt9(dir.resolve(name + ".bt9"), Compression.NONE,
        SampleTraces.branches(41, 3000, SampleTraces.BT9_KINDS));
    Path bpt = dir.resolve(name + ".bpt");
    Cli converted = Cli.run("convert", bt9.toString(), bpt.toString());
    assertEquals(0, converted.exitCode(), converted.toString());
    return bpt;
  }

  private void assertOneLineExit2(Cli outcome, Path file) {
    assertEquals(ExitCodes.USER_ERROR, outcome.exitCode(), outcome.toString());
    assertEquals(1, outcome.errLines().size(), outcome.toString());
    assertTrue(outcome.err().startsWith("bpsim: " + file + ": byte "), outcome.err());
    assertFalse(outcome.out().contains("gshare"), "no MPKI printed: " + outcome.out());
  }

  @Test
  void aFlippedByteInTheDeclaredInstructionsGivesExit2AndOneLine() throws IOException {
    Path bpt = convertedBpt("header");
    byte[] bytes = Files.readAllBytes(bpt);
    int sourceLength = bytes[12] & 0xff;
    int declared = 8 + 2 + 2 + 4 + sourceLength;
    bytes[declared + 1] ^= 0x01; // the count times 1,000 or so, as the issue saw
    Files.write(bpt, bytes);
    Cli outcome = Cli.run("run", "-t", bpt.toString(), "-p", "gshare");
    assertOneLineExit2(outcome, bpt);
    assertTrue(outcome.err().contains("header is corrupt"), outcome.err());
  }

  @Test
  void aFlippedByteInTheTrailerGivesExit2AndOneLine() throws IOException {
    Path bpt = convertedBpt("trailer");
    byte[] bytes = Files.readAllBytes(bpt);
    bytes[bytes.length - 4 - 3] ^= 0x20; // in the trailer's instruction count
    Files.write(bpt, bytes);
    Cli outcome = Cli.run("run", "-t", bpt.toString(), "-p", "gshare");
    assertOneLineExit2(outcome, bpt);
    assertTrue(outcome.err().contains("trailer is corrupt"), outcome.err());
  }

  @Test
  void convertWritesTheCurrentVersion() throws IOException {
    assertEquals(BptLayout.VERSION, Files.readAllBytes(convertedBpt("v"))[8]);
    assertEquals(2, BptLayout.VERSION);
  }

  @Test
  void aBt9HeaderThatDisagreesWithItsTraceIsUsedButSaid() throws IOException {
    Path bt9 = SampleTraces.bt9(dir.resolve("lying.bt9"), Compression.NONE,
        SampleTraces.branches(42, 2000, SampleTraces.BT9_KINDS));
    String text = Files.readString(bt9, StandardCharsets.US_ASCII);
    Matcher count = Pattern.compile("total_instruction_count: +(\\d+)").matcher(text);
    assertTrue(count.find(), text.substring(0, 200));
    long real = Long.parseLong(count.group(1));
    Files.writeString(bt9, count.replaceFirst("total_instruction_count: 5"),
        StandardCharsets.US_ASCII);
    Cli outcome = Cli.run("run", "-t", bt9.toString(), "-p", "bimodal", "--format", "csv");
    assertEquals(0, outcome.exitCode(), outcome.toString());
    assertTrue(outcome.err().contains("bpsim: warning: " + bt9 + ": the header's "
        + "total_instruction_count is 5 but the trace's own instruction counts add up to "
        + real), outcome.err());
    // the kit's rule: the header's count is the one used
    assertEquals("5", cells(outcome.out().lines().skip(1).findFirst().orElseThrow())[2],
        outcome.out());
    // and it survives conversion: the .bpt says the same
    Path bpt = dir.resolve("lying.bpt");
    assertEquals(0, Cli.run("convert", bt9.toString(), bpt.toString()).exitCode());
    Cli replay = Cli.run("run", "-t", bpt.toString(), "-p", "bimodal", "--format", "csv");
    assertEquals(outcome.out().replace(bt9.toString(), "T"),
        replay.out().replace(bpt.toString(), "T"));
    assertTrue(replay.err().contains("declares 5 instructions, the chunks hold " + real),
        replay.err());
  }

  @Test
  void anHonestBt9HeaderGivesNoWarning() throws IOException {
    Path bt9 = SampleTraces.bt9(dir.resolve("honest.bt9"), Compression.NONE,
        SampleTraces.branches(43, 2000, SampleTraces.BT9_KINDS));
    Cli outcome = Cli.run("run", "-t", bt9.toString(), "-p", "bimodal");
    assertEquals(0, outcome.exitCode(), outcome.toString());
    assertFalse(outcome.err().contains("warning"), outcome.err());
  }

  /** The three renderings of one run: the table row, the CSV row and the JSON run. */
  private record Rendered(Cli table, String csvRow, JsonNode json) {
  }

  private Rendered render(String... args) throws IOException {
    Cli table = Cli.run(concat(args, "--format", "table"));
    assertEquals(0, table.exitCode(), table.toString());
    Cli csv = Cli.run(concat(args, "--format", "csv"));
    Cli json = Cli.run(concat(args, "--format", "json"));
    return new Rendered(table, csv.out().lines().skip(1).findFirst().orElseThrow(),
        new ObjectMapper().readTree(json.out()).get("runs").get(0));
  }

  /** The cells of a CSV row whose quoted cells (predictor specs) hold commas. */
  private static String[] cells(String row) {
    List<String> cells = new java.util.ArrayList<>();
    Matcher cell = Pattern.compile("\"((?:[^\"]|\"\")*)\"|([^,]*)").matcher(row);
    int at = 0;
    while (at <= row.length() && cell.find(at)) {
      cells.add(cell.group(1) != null ? cell.group(1).replace("\"\"", "\"") : cell.group(2));
      at = cell.end() + 1;
    }
    return cells.toArray(new String[0]);
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static void assertNotAvailable(Rendered r) {
    String row = r.table().out().lines().skip(2).findFirst().orElseThrow();
    assertFalse(row.contains("100.0000%"), row);
    assertTrue(row.matches(".*n/a +n/a .*"), row);
    String[] cells = cells(r.csvRow());
    assertEquals("", cells[6], "accuracy: " + r.csvRow());
    assertEquals("", cells[7], "mpki: " + r.csvRow());
    assertTrue(r.json().get("accuracy").isNull(), r.json().toString());
    assertTrue(r.json().get("mpki").isNull(), r.json().toString());
  }

  @Test
  void aWarmupLongerThanTheTraceIsNotAvailableAndWarned() throws IOException {
    Path trace = SampleTraces.bt9(dir.resolve("short.bt9"), Compression.NONE,
        SampleTraces.branches(44, 500, SampleTraces.BT9_KINDS));
    Rendered r = render("run", "-t", trace.toString(), "-p", "bimodal",
        "--warmup-instructions", "100000000");
    assertNotAvailable(r);
    assertTrue(r.table().err().contains("bpsim: warning: " + trace + ": the warmup of "
        + "100000000 instructions covers the whole trace"), r.table().err());
  }

  @Test
  void randomBytesNamedChampSimAreNeverAPerfectScore() throws IOException {
    byte[] noise = new byte[200_000];
    new SplittableRandom(200_000).nextBytes(noise);
    Path trace = Files.write(dir.resolve("noise.champsimtrace"), noise);
    Cli outcome = Cli.run("run", "-t", trace.toString(), "-p", "bimodal", "--format", "csv");
    if (outcome.exitCode() != 0) {
      assertEquals(ExitCodes.USER_ERROR, outcome.exitCode(), outcome.toString());
      return;
    }
    String[] cells = cells(outcome.out().lines().skip(1).findFirst().orElseThrow());
    if (Long.parseLong(cells[4]) == 0) {
      assertEquals("", cells[6], outcome.out());
      assertTrue(outcome.err().contains("no conditional branch"), outcome.err());
    } else {
      assertFalse(cells[6].equals("1.000000") && cells[5].equals("0"), outcome.out());
    }
  }

  @Test
  void aTraceWithoutConditionalBranchesIsNotAvailableAndWarned() throws IOException {
    List<BranchRecord> jumps = SampleTraces.branches(45, 400, List.of(BranchKind.DIRECT_JUMP,
        BranchKind.DIRECT_CALL, BranchKind.RETURN));
    Path trace = SampleTraces.champSim(dir.resolve("jumps.champsimtrace"), Compression.NONE,
        jumps);
    Rendered r = render("run", "-t", trace.toString(), "-p", "gshare");
    assertNotAvailable(r);
    assertEquals(0, r.json().get("conditional_branches").asLong());
    assertTrue(r.table().err().contains("bpsim: warning: " + trace
        + ": no conditional branch in the counted window"), r.table().err());
  }

  private Path throwingPlugin() throws IOException {
    return TestPluginJar.of(dir.resolve("throwing.jar"), ThrowingProvider.class);
  }

  @Test
  void aFailedRowCarriesNoNumbersInCsvJsonOrTheReport() throws IOException {
    Path jar = throwingPlugin();
    Path trace = SmallTraces.write(dir, "loop.txt", 46, 5000);
    String[] args = {"run", "--plugin", jar.toString(), "-t", trace.toString(),
        "-p", "throws:after=100", "-p", "bimodal"};
    Cli csv = Cli.run(concat(args, "--format", "csv"));
    assertEquals(ExitCodes.PREDICTOR_FAILED, csv.exitCode(), csv.toString());
    String failed = csv.out().lines().skip(1).findFirst().orElseThrow();
    assertTrue(failed.matches("[^,]+,throws:after=100,,,,,,,,.*deliberate failure.*"), failed);
    Path json = dir.resolve("results.json");
    Cli run = Cli.run(concat(args, "--format", "json", "-o", json.toString()));
    assertEquals(ExitCodes.PREDICTOR_FAILED, run.exitCode(), run.toString());
    JsonNode row = new ObjectMapper().readTree(json.toFile()).get("runs").get(0);
    for (String key : List.of("instructions", "branches", "conditional_branches",
        "mispredictions", "accuracy", "mpki", "storage_bits")) {
      assertTrue(row.get(key).isNull(), key + ": " + row);
    }
    Path report = dir.resolve("report");
    Cli rendered = Cli.run("report", json.toString(), "--out", report.toString());
    assertEquals(0, rendered.exitCode(), rendered.toString());
    String md = Files.readString(report.resolve("summary.md"));
    assertTrue(md.contains("Failed runs"), md);
    assertTrue(md.substring(0, md.indexOf("Means are over")).lines()
        .noneMatch(line -> line.startsWith("| `throws")), "no figure for it:\n" + md);
  }

  @Test
  void reportRefusesARowWithMoreMispredictionsThanBranches() throws IOException {
    Path json = dir.resolve("bad.json");
    Files.writeString(json, "{\"runs\":[{\"trace\":\"t\",\"predictor\":\"bimodal\","
        + "\"instructions\":1000,\"branches\":100,\"conditional_branches\":100,"
        + "\"mispredictions\":150,\"accuracy\":-0.5,\"mpki\":150.0,\"storage_bits\":64,"
        + "\"error\":null}]}");
    Cli outcome = Cli.run("report", json.toString(), "--out", dir.resolve("r").toString());
    assertEquals(ExitCodes.USER_ERROR, outcome.exitCode(), outcome.toString());
    assertEquals(1, outcome.errLines().size(), outcome.err());
    assertTrue(outcome.err().startsWith("bpsim: " + json + ": runs[0] (trace \"t\", predictor "
        + "\"bimodal\") is inconsistent"), outcome.err());
    assertFalse(Files.exists(dir.resolve("r")));
  }

  @Test
  void runAndSimulateAgreeOnAWarmupLongerThanTheTrace() throws IOException {
    Path trace = SmallChampSimTraces.write(dir, "small.champsimtrace", 47, 20_000, 16);
    String[] warmup = {"-t", trace.toString(), "-p", "gshare", "--warmup-instructions",
        "1000000"};
    Cli run = Cli.run(concat(concat(new String[] {"run"}, warmup), "--format", "json"));
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(new ObjectMapper().readTree(run.out()).get("runs").get(0).get("accuracy")
        .isNull(), run.out());
    assertTrue(run.err().contains("covers the whole trace"), run.err());

    Cli json = Cli.run(concat(concat(new String[] {"simulate"}, warmup), "--machine", "small",
        "--format", "json"));
    assertEquals(0, json.exitCode(), json.toString());
    assertTrue(json.err().contains("bpsim: warning: " + trace + ": the warmup of 1000000 "
        + "instructions covers the whole trace"), json.err());
    JsonNode core = new ObjectMapper().readTree(json.out()).get("runs").get(0).get("cores")
        .get(0);
    assertEquals(0, core.get("instructions").asLong(), core.toString());
    assertTrue(core.get("ipc").isNull(), core.toString());
    assertTrue(core.get("branches").get("mpki").isNull(), core.toString());
    Cli table = Cli.run(concat(concat(new String[] {"simulate"}, warmup), "--machine",
        "small"));
    assertEquals(0, table.exitCode(), table.toString());
    assertTrue(table.out().contains("n/a"), table.out());
    assertFalse(table.out().contains("NaN"), table.out());
  }

  @Test
  void aMergedReportRanksOnlyOverTheTracesEveryRankedPredictorShares() throws IOException {
    // bimodal on 11 traces, TAGE on 8 of them; the 3 others are easy, so bimodal's mean over 11
    // would beat TAGE's over 8
    List<org.bpsim.replay.RunResult> bimodal = new java.util.ArrayList<>();
    List<org.bpsim.replay.RunResult> tage = new java.util.ArrayList<>();
    for (int t = 0; t < 11; t++) {
      bimodal.add(new org.bpsim.replay.RunResult("trace" + t, "bimodal",
          java.util.OptionalLong.of(1_000_000), 100_000, 100_000, t < 8 ? 10_000 : 10, 32_768));
      if (t < 8) {
        tage.add(new org.bpsim.replay.RunResult("trace" + t, "tage:budget=64KB",
            java.util.OptionalLong.of(1_000_000), 100_000, 100_000, 6_000, 524_288));
      }
    }
    Path a = Files.writeString(dir.resolve("bimodal.json"),
        org.bpsim.report.ResultFormat.JSON.render(bimodal));
    Path b = Files.writeString(dir.resolve("tage.json"),
        org.bpsim.report.ResultFormat.JSON.render(tage));
    Path out = dir.resolve("merged");
    Cli outcome = Cli.run("report", a.toString(), b.toString(), "--out", out.toString());
    assertEquals(0, outcome.exitCode(), outcome.toString());
    String md = Files.readString(out.resolve("summary.md"));
    String ranking = md.substring(0, md.indexOf("Means are over"));
    assertFalse(ranking.contains("tage"), "TAGE ran on fewer traces: not ranked\n" + md);
    assertTrue(md.contains("Means are over the 11 traces"), md);
    assertTrue(md.contains("| `tage:budget=64KB` | 8 of 11 |"), md);
    String page = Files.readString(out.resolve("index.html"));
    assertTrue(page.contains("Not ranked") && page.contains("8 of 11"), page);
  }
}
