package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bpsim sweep}, its shards, resume, failures, status and merge, on small traces. */
class SweepCommandTest {
  @TempDir
  Path dir;

  private static final String GRID = "{\"name\": \"gshare\", \"grid\": {\"history\": [4, 8], "
      + "\"index_bits\": [8, 10, 12]}}";

  private Path traces() throws IOException {
    Path folder = dir.resolve("traces");
    SmallTraces.write(folder, "alpha.txt", 1, 4000);
    SmallTraces.write(folder, "beta.txt", 2, 3000);
    SmallTraces.write(folder, "gamma.txt", 3, 5000);
    return folder;
  }

  private Path spec(String body) throws IOException {
    return Files.writeString(dir.resolve("spec.json"), body);
  }

  private Path standardSpec() throws IOException {
    traces();
    return spec("{\"traces\": [\"traces\"], \"predictors\": [\"bimodal:index_bits=10\", "
        + GRID + "]}");
  }

  private static Cli sweep(Path spec, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("sweep", spec.toString(), "--out",
        out.toString(), "--instructions", "100000"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(new String[0]));
  }

  @Test
  void badSpecIsRefusedWithEveryProblemInOneMessageBeforeAnythingRuns() throws IOException {
    traces();
    Path spec = spec("{\"traces\": [\"traces\", \"missing/*.gz\", \"nothere.trace\"], "
        + "\"predictors\": [\"gshare:history=99\", {\"name\": \"bimodal\", \"grid\": "
        + "{\"index_bits\": [10]}, \"extra\": 1}], \"colour\": \"red\"}");
    Path out = dir.resolve("out");
    Cli cli = sweep(spec, out);
    assertEquals(2, cli.exitCode(), cli.toString());
    assertEquals(1, cli.errLines().size(), cli.toString());
    String line = cli.errLines().get(0);
    for (String expected : List.of("colour", "extra")) {
      assertTrue(line.contains(expected), expected + " not named: " + line);
    }
    assertFalse(Files.exists(out), "nothing may be written for a bad spec");

    Path spec2 = spec("{\"traces\": [\"traces\", \"missing/*.gz\", \"nothere.trace\"], "
        + "\"predictors\": [\"gshare:history=99\", \"nosuch\"]}");
    Cli cli2 = sweep(spec2, out);
    assertEquals(2, cli2.exitCode(), cli2.toString());
    assertEquals(1, cli2.errLines().size(), cli2.toString());
    for (String expected : List.of("missing/*.gz", "nothere.trace", "gshare:history=99",
        "nosuch")) {
      assertTrue(cli2.err().contains(expected), expected + " not named: " + cli2.err());
    }
    assertFalse(Files.exists(out), "nothing may be written for a bad spec");
  }

  @Test
  void gridExpandsFirstKeySlowestAndRowsFollowTraceThenGridOrder() throws IOException {
    Path spec = standardSpec();
    Path out = dir.resolve("out");
    Cli cli = sweep(spec, out);
    assertEquals(0, cli.exitCode(), cli.toString());
    List<String> lines = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(1 + 3 * 7, lines.size());
    String[] expected = {"bimodal:index_bits=10", "gshare:history=4,index_bits=8",
        "gshare:history=4,index_bits=10", "gshare:history=4,index_bits=12",
        "gshare:history=8,index_bits=8", "gshare:history=8,index_bits=10",
        "gshare:history=8,index_bits=12"};
    for (int t = 0; t < 3; t++) {
      String trace = List.of("alpha.txt", "beta.txt", "gamma.txt").get(t);
      for (int c = 0; c < expected.length; c++) {
        String line = lines.get(1 + t * expected.length + c);
        assertTrue(line.startsWith(trace + ",\"" + expected[c]), line);
      }
    }
    assertTrue(Files.isRegularFile(out.resolve("report/index.html")));
    String page = Files.readString(out.resolve("report/sweep.html"));
    assertTrue(page.contains("Pareto frontier"), page);
    assertTrue(Files.isRegularFile(out.resolve("report/pareto.svg")));
    assertTrue(Files.isRegularFile(out.resolve("report/grid-gshare-history.svg")));
    assertTrue(Files.isRegularFile(out.resolve("report/grid-gshare-index_bits.svg")));
  }

  @Test
  void resultsMatchCompareAndAreByteIdenticalWhateverJobsAndShards() throws IOException {
    Path spec = standardSpec();
    Path local = dir.resolve("local");
    assertEquals(0, sweep(spec, local).exitCode());
    byte[] json = Files.readAllBytes(local.resolve("results.json"));
    byte[] csv = Files.readAllBytes(local.resolve("results.csv"));

    Path compared = dir.resolve("compared");
    List<String> args = new java.util.ArrayList<>(List.of("compare", "-t",
        dir.resolve("traces").toString(), "--instructions", "100000", "--out",
        compared.toString()));
    for (String p : List.of("bimodal:index_bits=10", "gshare:history=4,index_bits=8",
        "gshare:history=4,index_bits=10", "gshare:history=4,index_bits=12",
        "gshare:history=8,index_bits=8", "gshare:history=8,index_bits=10",
        "gshare:history=8,index_bits=12")) {
      args.addAll(List.of("-p", p));
    }
    Cli compare = Cli.run(args.toArray(new String[0]));
    if (compare.exitCode() == 0) {
      assertEquals(Files.readString(compared.resolve("results.json")), new String(json,
          java.nio.charset.StandardCharsets.UTF_8), "sweep rows differ from compare's");
    }

    Path serial = dir.resolve("serial");
    assertEquals(0, sweep(spec, serial, "-j", "1").exitCode());
    assertEquals(new String(json), Files.readString(serial.resolve("results.json")));

    for (int n : new int[] {2, 3, 5, 21, 30}) {
      Path sharded = dir.resolve("sharded-" + n);
      for (int i = n - 1; i >= 0; i--) {
        Cli shard = sweep(spec, sharded, "--shard", i + "/" + n, "-j", "2");
        assertEquals(0, shard.exitCode(), shard.toString());
      }
      Cli merge = Cli.run("sweep", "merge", sharded.toString());
      assertEquals(0, merge.exitCode(), merge.toString());
      assertEquals(new String(json), Files.readString(sharded.resolve("results.json")),
          "shards " + n);
      assertEquals(new String(csv), Files.readString(sharded.resolve("results.csv")),
          "shards " + n);
    }
  }

  @Test
  void rerunRunsOnlyMissingTasksAndMergeWaitsForThem() throws IOException {
    Path spec = standardSpec();
    Path out = dir.resolve("out");
    assertEquals(0, sweep(spec, out, "--shard", "0/2").exitCode());
    Cli early = Cli.run("sweep", "merge", out.toString());
    assertEquals(2, early.exitCode(), early.toString());
    assertTrue(early.err().contains("not done yet"), early.toString());
    Cli status = Cli.run("sweep", "status", out.toString());
    assertTrue(status.out().startsWith("21 task(s): 10 done, 11 pending, 0 failed"),
        status.toString());

    Cli rest = sweep(spec, out);
    assertEquals(0, rest.exitCode(), rest.toString());
    assertTrue(rest.err().contains("ran 11 task(s) (0 failed), 10 already done"),
        rest.toString());
    String first = Files.readString(out.resolve("results.json"));

    Files.delete(out.resolve("tasks/t0001-c0003.json"));
    Cli again = sweep(spec, out);
    assertTrue(again.err().contains("ran 1 task(s) (0 failed), 20 already done"),
        again.toString());
    assertEquals(first, Files.readString(out.resolve("results.json")));
  }

  @Test
  void corruptTraceFailsItsTasksOnlyAndStatusNamesThem() throws IOException {
    Path folder = dir.resolve("traces");
    SmallTraces.write(folder, "alpha.txt", 1, 4000);
    Files.writeString(folder.resolve("broken.txt"), "400000 1\nzz-not-a-branch\n");
    Path spec = spec("{\"traces\": [\"traces\"], \"predictors\": [\"bimodal\", \"gshare\"]}");
    Path out = dir.resolve("out");
    Cli cli = sweep(spec, out);
    assertEquals(3, cli.exitCode(), cli.toString());
    Cli status = Cli.run("sweep", "status", out.toString());
    assertTrue(status.out().startsWith("4 task(s): 2 done, 0 pending, 2 failed"),
        status.toString());
    assertTrue(status.out().contains("failed: t0001-c0000 broken.txt bimodal"),
        status.toString());
    assertTrue(status.out().contains("broken.txt"), status.toString());
    List<String> lines = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(5, lines.size());
    assertTrue(lines.get(1).startsWith("alpha.txt") && lines.get(1).endsWith(","),
        lines.get(1));
    Cli merge = Cli.run("sweep", "merge", out.toString());
    assertEquals(3, merge.exitCode(), merge.toString());
  }

  @Test
  void oneTraceWithManyConfigurationsGivesTheSameResultsOnAnyNumberOfJobs() throws IOException {
    Path folder = dir.resolve("traces");
    SmallTraces.write(folder, "long.txt", 9, 30000);
    Path spec = spec("{\"traces\": [\"traces\"], \"predictors\": [\"bimodal:index_bits=10\", "
        + "\"perceptron\", " + GRID + "]}");
    Path serial = dir.resolve("serial");
    Cli one = sweep(spec, serial, "-j", "1");
    assertEquals(0, one.exitCode(), one.toString());
    String json = Files.readString(serial.resolve("results.json"));
    for (String jobs : new String[] {"2", "4", "9"}) {
      Path spread = dir.resolve("spread-" + jobs);
      Cli cli = sweep(spec, spread, "-j", jobs);
      assertEquals(0, cli.exitCode(), cli.toString());
      assertEquals(json, Files.readString(spread.resolve("results.json")), "-j " + jobs);
    }
  }

  @Test
  void aDamagedTraceSpreadOverTheCoresFailsEachOfItsTasksWithOneMessage() throws IOException {
    Path folder = dir.resolve("traces");
    Path good = SmallTraces.write(folder, "long.txt", 4, 40000);
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(good));
    lines.set(35000, "zz-not-a-branch");
    Files.write(good, lines);
    Path spec = spec("{\"traces\": [\"traces\"], \"predictors\": [\"bimodal\", "
        + GRID + "]}");
    Path out = dir.resolve("out");
    Cli cli = sweep(spec, out, "-j", "4");
    assertEquals(3, cli.exitCode(), cli.toString());
    Cli status = Cli.run("sweep", "status", out.toString());
    assertTrue(status.out().startsWith("7 task(s): 0 done, 0 pending, 7 failed"),
        status.toString());
    List<String> rows = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(8, rows.size(), rows.toString());
    String message = null;
    for (String row : rows.subList(1, rows.size())) {
      String error = row.substring(row.lastIndexOf("trace failed: "));
      assertTrue(error.contains("long.txt") && error.contains("35001"), error);
      if (message == null) {
        message = error;
      }
      assertEquals(message, error);
    }
  }

  @Test
  void folderOfAnotherSweepIsRefused() throws IOException {
    Path spec = standardSpec();
    Path out = dir.resolve("out");
    assertEquals(0, sweep(spec, out, "--shard", "0/5").exitCode());
    Path other = Files.writeString(dir.resolve("other.json"),
        "{\"traces\": [\"traces\"], \"predictors\": [\"bimodal\"]}");
    Cli cli = sweep(other, out);
    assertEquals(2, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("made by a different sweep spec"), cli.toString());
    Cli window = sweep(spec, out, "--max-instructions", "100");
    assertEquals(2, window.exitCode(), window.toString());

    Path notSweep = Files.createDirectories(dir.resolve("notsweep"));
    Files.writeString(notSweep.resolve("precious.txt"), "keep");
    Cli refused = sweep(spec, notSweep);
    assertEquals(2, refused.exitCode(), refused.toString());
    try (Stream<Path> files = Files.list(notSweep)) {
      assertEquals(1, files.count());
    }
  }
}
