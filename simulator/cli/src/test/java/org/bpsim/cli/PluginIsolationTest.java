package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.cli.faulty.BadNameProvider;
import org.bpsim.cli.faulty.FutureSpiProvider;
import org.bpsim.cli.faulty.PeekingProvider;
import org.bpsim.cli.faulty.ThrowingProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faulty plugins are named with their reason and never take the other predictors down. The
 * plugin jars are assembled here from compiled test classes.
 */
final class PluginIsolationTest {
  @TempDir
  Path dir;

  /** Packs the given classes (with their nested classes) and a services file into a jar. */
  private Path pluginJar(String name, List<String> services, Class<?>... classes)
      throws IOException {
    return TestPluginJar.of(dir.resolve(name), services, classes);
  }

  private Path loopTrace() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      text.append("0x1000 ").append(i % 4 == 3 ? 0 : 1).append('\n');
    }
    Path trace = dir.resolve("loop.txt");
    Files.writeString(trace, text.toString());
    return trace;
  }

  @Test
  void aPredictorThatThrowsGetsAFailedRowAndTheOthersStillRun() throws IOException {
    Path jar = pluginJar("throwing.jar", List.of(ThrowingProvider.class.getName()),
        ThrowingProvider.class);
    Path output = dir.resolve("results.json");
    Cli outcome = Cli.run("run", "--plugin", jar.toString(), "-t", loopTrace().toString(),
        "-p", "throws:after=100", "-p", "bimodal", "--format", "json", "-o", output.toString());

    assertEquals(ExitCodes.PREDICTOR_FAILED, outcome.exitCode(), outcome.err());
    assertTrue(outcome.err().contains("predictor throws:after=100 failed on"), outcome.err());
    assertTrue(outcome.err().contains("deliberate failure"), outcome.err());
    JsonNode runs = new ObjectMapper().readTree(output.toFile()).get("runs");
    assertEquals(2, runs.size());
    assertTrue(runs.get(0).get("error").asText().contains("IllegalStateException"));
    assertTrue(runs.get(1).get("error").isNull());
    assertEquals(5000, runs.get(1).get("conditional_branches").asLong());
    assertEquals(1250, runs.get(1).get("mispredictions").asLong());
  }

  @Test
  void compareReportsAFailedPluginApartAndStillWritesTheReport() throws IOException {
    Path jar = pluginJar("throwing.jar", List.of(ThrowingProvider.class.getName()),
        ThrowingProvider.class);
    Path report = dir.resolve("report");
    Cli outcome = Cli.run("compare", "--plugin", jar.toString(), "-t", loopTrace().toString(),
        "-p", "bimodal", "-p", "throws:after=10", "--out", report.toString());
    assertEquals(ExitCodes.PREDICTOR_FAILED, outcome.exitCode(), outcome.err());
    String page = Files.readString(report.resolve("index.html"));
    assertTrue(page.contains("Failed runs") && page.contains("deliberate failure"), page);
    JsonNode runs = new ObjectMapper().readTree(report.resolve("results.json").toFile())
        .get("runs");
    assertTrue(runs.get(1).get("error").asText().contains("deliberate failure"));
    assertEquals(1250, runs.get(0).get("mispredictions").asLong());
  }

  /** A CBP-2025 kit trace of straight-line not-taken conditional branches. */
  private Path kitTrace(int branches) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < branches; i++) {
      long pc = 0x10000 + 4L * i;
      for (int b = 0; b < 8; b++) {
        bytes.write((int) (pc >>> (8 * b)) & 0xff);
      }
      bytes.write(new byte[] {3, 0, 0, 0}, 0, 4);
    }
    Path trace = dir.resolve("kit_trace.gz");
    try (java.util.zip.GZIPOutputStream gzip =
        new java.util.zip.GZIPOutputStream(Files.newOutputStream(trace))) {
      gzip.write(bytes.toByteArray());
    }
    return trace;
  }

  @Test
  void simulateNamesAThrowingPredictorAndTraceOnOneLineAndWritesNothing() throws IOException {
    Path jar = pluginJar("throwing.jar", List.of(ThrowingProvider.class.getName()),
        ThrowingProvider.class);
    Path trace = kitTrace(500);
    Path output = dir.resolve("simulated.json");
    Cli outcome = Cli.run("simulate", "--plugin", jar.toString(), "-t", trace.toString(),
        "-p", "throws:after=100", "--machine", "small", "--format", "json", "-o",
        output.toString());
    assertEquals(ExitCodes.PREDICTOR_FAILED, outcome.exitCode(), outcome.err());
    assertEquals("bpsim: predictor throws:after=100 failed on " + trace
        + ": threw IllegalStateException: deliberate failure\n",
        outcome.err().replace("\r\n", "\n"));
    assertFalse(Files.exists(output), "no partial output file");
    assertEquals("", outcome.out());

    Cli healthy = Cli.run("simulate", "--plugin", jar.toString(), "-t", trace.toString(),
        "-p", "throws:after=1000", "--machine", "small");
    assertEquals(ExitCodes.OK, healthy.exitCode(), healthy.err());
    assertTrue(healthy.out().contains("predictor throws:after=1000"), healthy.out());
  }

  /**
   * compare --machine: a predictor that throws gets failed rows, the others their timing
   * figures; a failing baseline also leaves out the multi-core run (it uses the baseline), named
   * on one line; exit code 3 and no stack trace either way.
   */
  @Test
  void compareWithAMachineReportsAThrowingPredictorWithoutAStackTrace() throws IOException {
    Path jar = pluginJar("throwing.jar", List.of(ThrowingProvider.class.getName()),
        ThrowingProvider.class);
    Path first = kitTrace(500);
    Path second = Files.copy(first, dir.resolve("second_trace.gz"));
    for (String baseline : List.of("bimodal", "throws:after=10")) {
      String other = baseline.equals("bimodal") ? "throws:after=10" : "bimodal";
      Path report = dir.resolve("report-" + baseline.replace(':', '-').replace('=', '-'));
      Cli outcome = Cli.run("compare", "--plugin", jar.toString(), "-t", first.toString(),
          "-t", second.toString(), "-p", baseline, "-p", other, "--machine", "small",
          "--out", report.toString());
      String where = "baseline " + baseline + ": " + outcome.err();
      assertEquals(ExitCodes.PREDICTOR_FAILED, outcome.exitCode(), where);
      assertFalse(outcome.err().contains("\tat ") || outcome.err().contains("internal error"),
          where);
      assertTrue(outcome.err().contains("predictor throws:after=10 failed on kit_trace.gz"),
          where);
      assertTrue(outcome.err().contains("predictor throws:after=10 failed on second_trace.gz"),
          where);
      JsonNode pipeline = new ObjectMapper().readTree(report.resolve("pipeline.json").toFile());
      String json = pipeline.toString();
      assertEquals(2, pipeline.get("single_core").size(), where + json);
      assertTrue(pipeline.get("single_core").get(0).get("predictor").asText()
          .startsWith("bimodal"), where + json);
      assertFalse(json.contains("throws"), where + json);
      boolean baselineFails = baseline.startsWith("throws");
      assertEquals(baselineFails ? 0 : 2, pipeline.get("multi_core").size(), where + json);
      assertEquals(baselineFails, outcome.err().contains("no multi-core run"), where);
      JsonNode runs = new ObjectMapper().readTree(report.resolve("results.json").toFile())
          .get("runs");
      assertEquals(4, runs.size(), where);
      int failed = 0;
      for (JsonNode run : runs) {
        failed += run.get("error").isNull() ? 0 : 1;
      }
      assertEquals(2, failed, where);
    }
  }

  @Test
  void aPluginCannotLoadBpsimInternals() throws IOException {
    Path jar = pluginJar("peeking.jar", List.of(PeekingProvider.class.getName()),
        PeekingProvider.class);
    Cli outcome = Cli.run("run", "--plugin", jar.toString(), "-t", loopTrace().toString(),
        "-p", "peeks", "-p", "gshare");
    assertEquals(ExitCodes.PREDICTOR_FAILED, outcome.exitCode(), outcome.err());
    assertTrue(outcome.err().contains("cannot see org.bpsim.replay.Replay"), outcome.err());
    assertTrue(outcome.out().contains("gshare:history=17"), outcome.out());
  }

  @Test
  void unloadablePluginsAreListedWithTheirReasons() throws IOException {
    Path jar = pluginJar("mixed.jar", List.of("org.nowhere.MissingProvider",
        FutureSpiProvider.class.getName(), BadNameProvider.class.getName(),
        ThrowingProvider.class.getName()), FutureSpiProvider.class, BadNameProvider.class,
        ThrowingProvider.class);
    Files.writeString(dir.resolve("not-a-jar.jar"), "garbage");
    Cli outcome = Cli.run("predictors", "--plugin", dir.toString());

    assertEquals(0, outcome.exitCode(), outcome.err());
    String out = outcome.out();
    assertTrue(out.contains("throws  -  test plugin that fails mid-trace  [plugin " + jar),
        out);
    assertTrue(out.contains("org.nowhere.MissingProvider"), out);
    assertTrue(out.contains("SPI version 99, but this bpsim provides version 1"), out);
    assertTrue(out.contains("invalid predictor name '../../etc/passwd'"), out);
    assertTrue(out.contains("not-a-jar.jar"), out);
    assertTrue(out.contains("bimodal"), out);
  }

  @Test
  void namingAPredictorFromABrokenPluginIsAUserError() throws IOException {
    Path jar = pluginJar("future.jar", List.of(FutureSpiProvider.class.getName()),
        FutureSpiProvider.class);
    Path output = dir.resolve("out.csv");
    Cli outcome = Cli.run("run", "--plugin", jar.toString(), "-t", loopTrace().toString(),
        "-p", "future", "-o", output.toString());
    assertEquals(ExitCodes.USER_ERROR, outcome.exitCode());
    assertTrue(outcome.err().contains("unknown predictor 'future'"), outcome.err());
    assertTrue(outcome.err().contains("SPI version 99"), outcome.err());
    assertFalse(Files.exists(output));
  }
}
