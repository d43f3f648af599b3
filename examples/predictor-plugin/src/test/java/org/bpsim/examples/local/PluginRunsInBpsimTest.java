package org.bpsim.examples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as a user runs it: the packaged jar, loaded by the real bpsim launcher jar with
 * {@code --plugin}, in a separate JVM.
 */
final class PluginRunsInBpsimTest {
  private static Path pluginJar;
  private static Path bpsimJar;

  @BeforeAll
  static void locateJars() {
    pluginJar = Paths.get(System.getProperty("plugin.jar", "target/missing.jar"));
    bpsimJar = Paths.get(System.getProperty("bpsim.jar", "../../simulator/cli/target/bpsim.jar"));
    assumeTrue(Files.isRegularFile(pluginJar), "plugin jar not built: " + pluginJar);
    assumeTrue(Files.isRegularFile(bpsimJar), "bpsim.jar not found at " + bpsimJar
        + " (build bpsim first: ./mvnw -B package -DskipTests from the project root)");
  }

  private record Outcome(int exitCode, String out, String err) {
  }

  private static Outcome bpsim(Path workDir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(bpsimJar.toAbsolutePath().toString());
    command.addAll(List.of(args));
    Path out = workDir.resolve("out.txt");
    Path err = workDir.resolve("err.txt");
    Process process = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "bpsim did not finish");
    return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** A loop of trip count 6 and a branch alternating with it: easy for local history. */
  private static Path loopTrace(Path dir) throws IOException {
    StringBuilder trace = new StringBuilder();
    for (int iteration = 0; iteration < 2000; iteration++) {
      for (int i = 0; i < 6; i++) {
        trace.append("0x401000 ").append(i < 5 ? 1 : 0).append('\n');
        trace.append("0x401040 ").append(i % 2).append('\n');
      }
    }
    Path file = dir.resolve("loop.txt");
    Files.writeString(file, trace.toString(), StandardCharsets.US_ASCII);
    return file;
  }

  @Test
  void predictorsListsThePluginWithItsOrigin(@TempDir Path dir) throws Exception {
    Outcome outcome = bpsim(dir, "predictors", "--plugin", pluginJar.toAbsolutePath().toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(outcome.out().contains("local-history"), outcome.out());
    assertTrue(outcome.out().contains("[plugin " + pluginJar.toAbsolutePath()), outcome.out());
  }

  @Test
  void runsBesideBuiltInsAndBeatsBimodalOnLoops(@TempDir Path dir) throws Exception {
    Path trace = loopTrace(dir);
    Outcome outcome = bpsim(dir, "run", "--plugin", pluginJar.toAbsolutePath().toString(),
        "-t", trace.toString(), "-p", "local-history:history=8,patterns=pap", "-p", "bimodal",
        "--format", "csv");
    assertEquals(0, outcome.exitCode(), outcome.err());
    String[] lines = outcome.out().split("\n");
    assertEquals(3, lines.length, outcome.out());
    long local = mispredictions(lines[1]);
    long bimodal = mispredictions(lines[2]);
    assertTrue(lines[1].contains("local-history:bht_bits=10,history=8,patterns=pap"), lines[1]);
    assertTrue(local < 100 && bimodal > 2000, "local " + local + ", bimodal " + bimodal);
  }

  private static long mispredictions(String csvLine) {
    // trace,predictor (quoted: it has commas),instructions,branches,conditional,mispredictions,...
    String afterPredictor = csvLine.substring(csvLine.lastIndexOf('"') + 2);
    return Long.parseLong(afterPredictor.split(",", -1)[3]);
  }
}
