package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.replay.RunResult;
import org.bpsim.report.ResultsJson;
import org.bpsim.trace.Compression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options every command shares (declared once, as mixins) behave and fail the same way in
 * each: the window, --format, -t, -j.
 */
final class SharedOptionsTest {
  private static final String GSHARE = "gshare:history=6,index_bits=8";

  @TempDir
  Path dir;

  private Path bt9() throws IOException {
    return SampleTraces.bt9(dir.resolve("w.bt9.trace"), Compression.NONE,
        SampleTraces.branches(7, 20_000, SampleTraces.BT9_KINDS));
  }

  private List<RunResult> run(Path trace, String... window) throws IOException {
    Path json = dir.resolve("run" + window.length + ".json");
    List<String> args = new java.util.ArrayList<>(List.of("run", "-t", trace.toString(), "-p",
        GSHARE, "--format", "json", "-o", json.toString()));
    args.addAll(List.of(window));
    Cli outcome = Cli.run(args.toArray(new String[0]));
    assertEquals(0, outcome.exitCode(), outcome.toString());
    return ResultsJson.read(json);
  }

  /** compare counts the window run counts: the same branches, mispredictions, instructions. */
  @Test
  void compareTakesTheWindowOfRun() throws IOException {
    Path trace = bt9();
    long instructions = run(trace).get(0).instructions().getAsLong();
    String[] window = {"--warmup-instructions", Long.toString(instructions / 4),
        "--max-instructions", Long.toString(instructions / 2)};
    RunResult ran = run(trace, window).get(0);
    Path out = dir.resolve("report");
    List<String> args = new java.util.ArrayList<>(List.of("compare", "-t", trace.toString(),
        "-p", GSHARE, "--out", out.toString()));
    args.addAll(List.of(window));
    Cli compare = Cli.run(args.toArray(new String[0]));
    assertEquals(0, compare.exitCode(), compare.toString());
    RunResult compared = ResultsJson.read(out.resolve("results.json")).get(0);
    assertTrue(ran.instructions().getAsLong() < instructions, ran.toString());
    assertEquals(ran.instructions(), compared.instructions());
    assertEquals(ran.conditionalBranches(), compared.conditionalBranches());
    assertEquals(ran.mispredictions(), compared.mispredictions());
    assertEquals(ran.branches(), compared.branches());
  }

  @Test
  void theWindowChecksGiveOneMessageInEveryCommand() throws IOException {
    Path trace = bt9();
    for (String command : List.of("run", "compare", "simulate")) {
      Cli warmup = Cli.run(command, "-t", trace.toString(), "--warmup-instructions", "-1",
          "-j", "1");
      assertEquals(ExitCodes.USER_ERROR, warmup.exitCode(), command + ": " + warmup);
      assertEquals("bpsim: --warmup-instructions must be >= 0, not -1", warmup.errLines().get(0),
          command);
      Cli max = Cli.run(command, "-t", trace.toString(), "--max-instructions", "0");
      assertEquals(ExitCodes.USER_ERROR, max.exitCode(), command + ": " + max);
      assertEquals("bpsim: --max-instructions must be > 0, not 0", max.errLines().get(0),
          command);
    }
  }

  @Test
  void formatNamesTheFormatsOfTheCommand() throws IOException {
    Path trace = bt9();
    Path memory = Files.writeString(dir.resolve("mem.txt"), "r 0\n");
    String[][] cases = {
        {"run", trace.toString(), "table, csv or json"},
        {"simulate", trace.toString(), "table or json"},
        {"cache", memory.toString(), "report or json"},
    };
    for (String[] c : cases) {
      Cli outcome = Cli.run(c[0], "-t", c[1], "--format", "xml");
      assertEquals(ExitCodes.USER_ERROR, outcome.exitCode(), c[0] + ": " + outcome);
      assertEquals("bpsim: --format must be " + c[2] + ", not 'xml'", outcome.errLines().get(0),
          c[0]);
    }
    // Any case, as before.
    assertEquals(0, Cli.run("cache", "-t", memory.toString(), "--format", "JSON").exitCode());
  }

  @Test
  void simulateAndCacheTakeAFolderForMinusT() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("memory"));
    Files.writeString(folder.resolve("mem.txt"), "r 0\nw 40\n");
    Cli folderRun = Cli.run("cache", "-t", folder.toString(), "--format", "json");
    Cli fileRun = Cli.run("cache", "-t", folder.resolve("mem.txt").toString(), "--format",
        "json");
    assertEquals(0, folderRun.exitCode(), folderRun.toString());
    assertEquals(fileRun.out(), folderRun.out());
    Files.writeString(folder.resolve("other.txt"), "r 0\n");
    Cli two = Cli.run("cache", "-t", folder.toString());
    assertEquals(ExitCodes.USER_ERROR, two.exitCode(), two.toString());
    assertEquals("bpsim: cache replays one memory trace, not 2", two.errLines().get(0));
    Cli none = Cli.run("simulate");
    assertEquals(ExitCodes.USER_ERROR, none.exitCode(), none.toString());
    assertEquals("bpsim: Missing required option: '--trace'", none.errLines().get(0));
  }

  @Test
  void minusOMayNotNameATrace() throws IOException {
    Path memory = Files.writeString(dir.resolve("mem.txt"), "r 0\n");
    Cli outcome = Cli.run("cache", "-t", memory.toString(), "-o", memory.toString());
    assertEquals(ExitCodes.USER_ERROR, outcome.exitCode(), outcome.toString());
    assertEquals("r 0\n", Files.readString(memory), "the trace is left as it was");
  }
}
