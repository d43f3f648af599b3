package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bpsim sweep --slurm} on a real one-machine Slurm cluster started for these tests
 * (munge, slurmctld and slurmd on loopback, configuration and state under target/), stopped at
 * the end even when a test fails. Skipped, saying so, without Slurm or without root.
 */
class SweepSlurmTest {
  private static final Path CLUSTER = Paths.get("target", "slurm-test").toAbsolutePath();
  private static Path script;
  private static String slurmConf;

  @TempDir
  Path dir;

  @BeforeAll
  static void startCluster() throws Exception {
    Files.createDirectories(CLUSTER);
    script = CLUSTER.resolve("local-slurm.sh");
    try (InputStream in = SweepSlurmTest.class.getResourceAsStream(
        "/org/bpsim/sweep/local-slurm.sh")) {
      Files.write(script, in.readAllBytes());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(SweepSlurmTest::stopQuietly));
    Process start = new ProcessBuilder("bash", script.toString(), "start", CLUSTER.toString())
        .redirectErrorStream(true).start();
    String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = start.waitFor();
    assumeTrue(code != 3, "SKIPPED: Slurm tests need slurmctld, slurmd, slurm-client and munge "
        + "(Debian packages) and root: " + output.strip());
    assertEquals(0, code, "the local Slurm cluster did not start: " + output);
    Matcher m = Pattern.compile("SLURM_CONF=(\\S+)").matcher(output);
    assertTrue(m.find(), output);
    slurmConf = m.group(1);
  }

  @AfterAll
  static void stopCluster() {
    stopQuietly();
  }

  private static void stopQuietly() {
    try {
      if (script != null && Files.exists(script)) {
        new ProcessBuilder("bash", script.toString(), "stop", CLUSTER.toString()).inheritIO()
            .start().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (IOException | InterruptedException e) {
      // best effort at exit
    }
  }

  /** bpsim in a process of its own, with the cluster's configuration in its environment. */
  private record Run(int code, String out) {
  }

  private Run bpsim(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SLURM_CONF", slurmConf);
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(300, TimeUnit.SECONDS), "bpsim did not end: " + out);
    return new Run(process.exitValue(), out);
  }

  private String slurm(String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SLURM_CONF", slurmConf);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  private Path spec(boolean corrupt) throws IOException {
    Path traces = dir.resolve("traces");
    SmallTraces.write(traces, "one.txt", 11, 6000);
    SmallTraces.write(traces, "two.txt", 12, 4000);
    SmallTraces.write(traces, "three.txt", 13, 5000);
    if (corrupt) {
      Files.writeString(traces.resolve("bad.txt"), "400000 1\nnot a branch\n");
    }
    return Files.writeString(dir.resolve("spec.json"), "{\"traces\": [\"traces\"], "
        + "\"predictors\": [\"bimodal:index_bits=10\", {\"name\": \"gshare\", \"grid\": "
        + "{\"history\": [4, 10], \"index_bits\": [8, 12]}}]}");
  }

  private static String local(Path spec, Path out) {
    Cli cli = Cli.run("sweep", spec.toString(), "--out", out.toString(), "--instructions",
        "100000");
    assertTrue(cli.exitCode() == 0 || cli.exitCode() == 3, cli.toString());
    try {
      return Files.readString(out.resolve("results.json"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void slurmSweepMatchesLocalEngineAndShardsByHand() throws Exception {
    Path spec = spec(false);
    String expected = local(spec, dir.resolve("local"));
    Path byHand = dir.resolve("by-hand");
    for (int i = 0; i < 4; i++) {
      assertEquals(0, Cli.run("sweep", spec.toString(), "--out", byHand.toString(),
          "--instructions", "100000", "--shard", i + "/4").exitCode());
    }
    assertEquals(0, Cli.run("sweep", "merge", byHand.toString()).exitCode());
    assertEquals(expected, Files.readString(byHand.resolve("results.json")));

    Path out = dir.resolve("slurm");
    Run run = bpsim("sweep", spec.toString(), "--out", out.toString(), "--instructions",
        "100000", "--slurm", "--tasks", "4", "--time", "10", "--wait");
    assertEquals(0, run.code(), run.out());
    assertTrue(run.out().matches("(?s).*array job \\d+ \\(4 shards of 15 tasks\\), merge job "
        + "\\d+ \\(afterok\\).*"), run.out());
    assertEquals(expected, Files.readString(out.resolve("results.json")));
    assertTrue(Files.readString(out.resolve("slurm/array.sbatch")).contains("#SBATCH --time=10"));
    assertTrue(Files.isRegularFile(out.resolve("report/sweep.html")));
  }

  @Test
  void cancelledArrayTaskIsNamedAndResubmittingRerunsOnlyItsTasks() throws Exception {
    Path spec = spec(false);
    String expected = local(spec, dir.resolve("local"));
    Path out = dir.resolve("slurm");
    Run held = bpsim("sweep", spec.toString(), "--out", out.toString(), "--instructions",
        "100000", "--slurm", "--tasks", "3", "--slurm-option=--hold");
    assertEquals(0, held.code(), held.out());
    Matcher ids = Pattern.compile("array job (\\d+) .* merge job (\\d+)").matcher(held.out());
    assertTrue(ids.find(), held.out());
    String array = ids.group(1);
    String merge = ids.group(2);
    slurm("scancel", array + "_1");
    slurm("scontrol", "release", array);
    for (int i = 0; i < 600 && !slurm("squeue", "-h", "-j", array).isBlank(); i++) {
      Thread.sleep(200);
    }
    slurm("scancel", merge);
    assertTrue(Files.exists(out.resolve("slurm/shard-0.exit")));
    assertTrue(!Files.exists(out.resolve("slurm/shard-1.exit")), "shard 1 ran after scancel");
    Cli status = Cli.run("sweep", "status", out.toString());
    assertTrue(status.out().startsWith("15 task(s): 10 done, 5 pending, 0 failed"),
        status.toString());

    Run again = bpsim("sweep", spec.toString(), "--out", out.toString(), "--instructions",
        "100000", "--slurm", "--tasks", "3", "--wait");
    assertEquals(0, again.code(), again.out());
    assertTrue(Files.readString(out.resolve("slurm/shard-0.log"))
        .contains("ran 0 task(s) (0 failed), 5 already done"));
    assertTrue(Files.readString(out.resolve("slurm/shard-1.log"))
        .contains("ran 5 task(s) (0 failed), 0 already done"));
    assertTrue(Files.readString(out.resolve("slurm/shard-2.log"))
        .contains("ran 0 task(s) (0 failed), 5 already done"));
    assertEquals(expected, Files.readString(out.resolve("results.json")));
  }

  @Test
  void waitNamesTheCancelledArrayTaskInsteadOfWaitingForever() throws Exception {
    Path spec = spec(false);
    Path out = dir.resolve("slurm");
    // every array task holds; the client waits; one task is cancelled and the rest released
    Thread canceller = new Thread(() -> {
      try {
        String array = "";
        for (int i = 0; i < 300 && array.isEmpty(); i++) {
          Thread.sleep(200);
          array = slurm("squeue", "-h", "-n", "bpsim-sweep", "-o", "%F").strip();
          array = array.isEmpty() ? "" : array.lines().findFirst().orElse("");
        }
        slurm("scancel", array + "_0");
        slurm("scontrol", "release", array);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    canceller.start();
    Run run = bpsim("sweep", spec.toString(), "--out", out.toString(), "--instructions",
        "100000", "--slurm", "--tasks", "2", "--slurm-option=--hold", "--wait");
    canceller.join();
    String merge = slurm("squeue", "-h", "-n", "bpsim-sweep-merge", "-o", "%i").strip();
    if (!merge.isEmpty()) {
      slurm("scancel", merge);
    }
    assertEquals(4, run.code(), run.out());
    assertTrue(run.out().contains("_0 (shard 0/2) was cancelled or died"), run.out());
  }

  @Test
  void corruptTraceFailsOnlyItsTasksAndStatusNamesThem() throws Exception {
    Path spec = spec(true);
    Path out = dir.resolve("slurm");
    Run run = bpsim("sweep", spec.toString(), "--out", out.toString(), "--instructions",
        "100000", "--slurm", "--tasks", "2", "--wait");
    assertEquals(3, run.code(), run.out());
    Cli status = Cli.run("sweep", "status", out.toString());
    assertTrue(status.out().startsWith("20 task(s): 15 done, 0 pending, 5 failed"),
        status.toString());
    assertTrue(status.out().contains("failed: t0000-c0000 bad.txt bimodal:index_bits=10"),
        status.toString());
  }
}
