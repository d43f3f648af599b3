package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.bpsim.cli.faulty.ErrorProvider;
import org.bpsim.cli.faulty.ExitingProvider;
import org.bpsim.cli.faulty.HangingProvider;
import org.bpsim.cli.faulty.OutOfMemoryProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults a plugin can commit beyond an exception (an Error, running out of memory, never
 * returning, calling System.exit) fail that predictor alone: its rows are failed, the others'
 * are written, exit code 3, one line on standard error. Faults that would end or hang the test's
 * JVM run bpsim in a child JVM, as the launcher does.
 */
final class PluginFaultsTest {
  @TempDir
  Path dir;

  private Path loopTrace() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      text.append("0x1000 ").append(i % 4 == 3 ? 0 : 1).append('\n');
    }
    Path trace = dir.resolve("loop.txt");
    Files.writeString(trace, text.toString());
    return trace;
  }

  /** A CBP-2025 kit trace of straight-line not-taken conditional branches. */
  private Path kitTrace(int branches) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < branches; i++) {
      long pc = 0x10000 + 4L * i;
      for (int b = 0; b < 8; b++) {
        bytes.write((int) (pc >>> (8 * b)) & 0xff);
      }
      bytes.write(new byte[] {3, 0, 0, 0}, 0, 4);
    }
    Path trace = dir.resolve("kit_trace.gz");
    try (GZIPOutputStream gzip = new GZIPOutputStream(Files.newOutputStream(trace))) {
      gzip.write(bytes.toByteArray());
    }
    return trace;
  }

  /** bpsim in a JVM of its own, through {@code Main} as the launcher runs it. */
  private Cli child(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Path out = dir.resolve("child.out");
    Path err = dir.resolve("child.err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("bpsim " + String.join(" ", args) + " did not end: "
          + Files.readString(err));
    }
    return new Cli(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The failed predictor's row carries the reason; bimodal's is whole. */
  private static void assertOnlyTheFaultyPredictorFailed(Path json, String reason)
      throws IOException {
    JsonNode runs = new ObjectMapper().readTree(json.toFile()).get("runs");
    assertEquals(2, runs.size(), runs.toString());
    assertTrue(runs.get(0).get("error").asText().contains(reason), runs.toString());
    assertTrue(runs.get(1).get("error").isNull(), runs.toString());
    assertEquals(5000, runs.get(1).get("conditional_branches").asLong());
    assertEquals(1250, runs.get(1).get("mispredictions").asLong());
  }

  private static void assertOneLineNamingIt(Cli outcome, String predictor, String reason) {
    List<String> lines = new ArrayList<>();
    for (String line : outcome.errLines()) {
      if (!line.startsWith("replayed ")) {
        lines.add(line);
      }
    }
    assertEquals(1, lines.size(), outcome.toString());
    assertTrue(lines.get(0).startsWith("bpsim: predictor " + predictor + " failed on "),
        outcome.toString());
    assertTrue(lines.get(0).contains(reason), outcome.toString());
  }

  @Test
  void aPluginThatThrowsAnErrorFailsAlone() throws IOException {
    Path jar = TestPluginJar.of(dir.resolve("error.jar"), ErrorProvider.class);
    Path output = dir.resolve("results.json");
    Cli outcome = Cli.run("run", "--plugin", jar.toString(), "-t", loopTrace().toString(),
        "-p", "throws-error:after=100", "-p", "bimodal", "--format", "json", "-o",
        output.toString());
    assertEquals(ExitCodes.PREDICTOR_FAILED, outcome.exitCode(), outcome.toString());
    assertOneLineNamingIt(outcome, "throws-error:after=100",
        "threw java.lang.Error: deliberate error");
    assertOnlyTheFaultyPredictorFailed(output, "java.lang.Error: deliberate error");
  }

  @Test
  void aPluginThatThrowsAnErrorInTheTimingModelFailsAlone() throws IOException {
    Path jar = TestPluginJar.of(dir.resolve("error.jar"), ErrorProvider.class);
    Path trace = kitTrace(500);
    Cli outcome = Cli.run("simulate", "--plugin", jar.toString(), "-t", trace.toString(),
        "-p", "throws-error:after=100", "--machine", "small");
    assertEquals(ExitCodes.PREDICTOR_FAILED, outcome.exitCode(), outcome.toString());
    assertEquals(List.of("bpsim: predictor throws-error:after=100 failed on " + trace
        + ": threw Error: deliberate error"), outcome.errLines());
  }

  @Test
  void aPluginThatRunsOutOfMemoryFailsAlone() throws Exception {
    Path jar = TestPluginJar.of(dir.resolve("oom.jar"), OutOfMemoryProvider.class);
    Path output = dir.resolve("results.json");
    Cli outcome = child("run", "--plugin", jar.toString(), "-t", loopTrace().toString(),
        "-p", "exhausts-memory:after=100", "-p", "bimodal", "--format", "json", "-o",
        output.toString());
    assertEquals(ExitCodes.PREDICTOR_FAILED, outcome.exitCode(), outcome.toString());
    assertOneLineNamingIt(outcome, "exhausts-memory:after=100",
        "threw java.lang.OutOfMemoryError");
    assertOnlyTheFaultyPredictorFailed(output, "OutOfMemoryError");
  }

  @Test
  void aPluginThatNeverReturnsIsGivenUpAfterTheTimeout() throws Exception {
    Path jar = TestPluginJar.of(dir.resolve("hangs.jar"), HangingProvider.class);
    Path output = dir.resolve("results.json");
    Cli outcome = child("run", "--plugin", jar.toString(), "-t", loopTrace().toString(),
        "-p", "hangs:after=100", "-p", "bimodal", "--predictor-timeout", "1s", "--format",
        "json", "-o", output.toString());
    assertEquals(ExitCodes.PREDICTOR_FAILED, outcome.exitCode(), outcome.toString());
    assertOneLineNamingIt(outcome, "hangs:after=100", "made no progress for 1s");
    assertOnlyTheFaultyPredictorFailed(output, "made no progress for 1s");
  }

  @Test
  void aPluginThatNeverReturnsInTheTimingModelIsGivenUp() throws Exception {
    Path jar = TestPluginJar.of(dir.resolve("hangs.jar"), HangingProvider.class);
    Path trace = kitTrace(500);
    Path output = dir.resolve("simulated.json");
    Cli outcome = child("simulate", "--plugin", jar.toString(), "-t", trace.toString(),
        "-p", "hangs:after=100", "--machine", "small", "--predictor-timeout", "500ms",
        "-o", output.toString());
    assertEquals(ExitCodes.PREDICTOR_FAILED, outcome.exitCode(), outcome.toString());
    assertEquals(List.of("bpsim: predictor hangs:after=100 failed on " + trace
        + ": made no progress for 500ms (--predictor-timeout), so bpsim gave it up"),
        outcome.errLines());
    assertFalse(Files.exists(output));
  }

  @Test
  void compareWithAHangingPluginWritesTheReportOfTheOthers() throws Exception {
    Path jar = TestPluginJar.of(dir.resolve("hangs.jar"), HangingProvider.class);
    Path report = dir.resolve("report");
    Cli outcome = child("compare", "--plugin", jar.toString(), "-t", loopTrace().toString(),
        "-p", "bimodal", "-p", "hangs:after=10", "--predictor-timeout", "1s", "--out",
        report.toString());
    assertEquals(ExitCodes.PREDICTOR_FAILED, outcome.exitCode(), outcome.toString());
    JsonNode runs = new ObjectMapper().readTree(report.resolve("results.json").toFile())
        .get("runs");
    assertTrue(runs.get(1).get("error").asText().contains("made no progress"), runs.toString());
    assertEquals(1250, runs.get(0).get("mispredictions").asLong());
  }

  @Test
  void aPluginThatCallsSystemExitFailsAloneAndTheRunExitsWith3() throws Exception {
    Path jar = TestPluginJar.of(dir.resolve("exits.jar"), ExitingProvider.class);
    Path output = dir.resolve("results.json");
    Cli outcome = child("run", "--plugin", jar.toString(), "-t", loopTrace().toString(),
        "-p", "exits:after=100", "-p", "bimodal", "--format", "json", "-o",
        output.toString());
    assertEquals(ExitCodes.PREDICTOR_FAILED, outcome.exitCode(), outcome.toString());
    assertOneLineNamingIt(outcome, "exits:after=100", "called System.exit");
    assertOnlyTheFaultyPredictorFailed(output, "called System.exit");

    Cli table = child("run", "--plugin", jar.toString(), "-t", loopTrace().toString(),
        "-p", "exits:after=100", "-p", "bimodal");
    assertEquals(ExitCodes.PREDICTOR_FAILED, table.exitCode(), table.toString());
    assertTrue(table.out().contains("bimodal:index_bits=14"), table.toString());
  }

  @Test
  void aPluginThatCallsSystemExitInTheTimingModelFailsWithExit3() throws Exception {
    Path jar = TestPluginJar.of(dir.resolve("exits.jar"), ExitingProvider.class);
    Path trace = kitTrace(500);
    Cli outcome = child("simulate", "--plugin", jar.toString(), "-t", trace.toString(),
        "-p", "exits:after=100", "--machine", "small");
    assertEquals(ExitCodes.PREDICTOR_FAILED, outcome.exitCode(), outcome.toString());
    assertEquals(1, outcome.errLines().size(), outcome.toString());
    assertTrue(outcome.err().contains("called System.exit"), outcome.toString());
    assertEquals("", outcome.out());
  }

  @Test
  void aHealthyRunThroughTheLauncherStillExitsWith0() throws Exception {
    Cli outcome = child("run", "-t", loopTrace().toString(), "-p", "bimodal");
    assertEquals(ExitCodes.OK, outcome.exitCode(), outcome.toString());
  }

  @Test
  void aBadTimeoutIsRefused() throws IOException {
    for (String value : List.of("10", "-5s", "5 min", "1.5s", "s")) {
      Cli outcome = Cli.run("run", "-t", loopTrace().toString(), "--predictor-timeout", value);
      assertEquals(ExitCodes.USER_ERROR, outcome.exitCode(), value + ": " + outcome);
      assertTrue(outcome.err().contains("--predictor-timeout"), outcome.toString());
    }
    Cli off = Cli.run("run", "-t", loopTrace().toString(), "-p", "bimodal",
        "--predictor-timeout", "0");
    assertEquals(ExitCodes.OK, off.exitCode(), off.toString());
  }
}
