package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.bpsim.job.MispredictionFiles;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TAGE presets mispredict exactly the conditional branches that André Seznec's CBP-2016 code
 * does (issue 10): {@code bpsim run --mispredictions} on the five CBP-2016 traces, each list
 * compared by {@code bpsim diff-mispredictions} with the championship reference list. Where they
 * part, the first differing index that the command reports is checked against one found here by
 * reading both files line by line, so a failure names a correct first difference per pair.
 */
final class ChampionshipMispredictionListsTest {
  /** bpsim's preset, and the championship row of the reference files it reproduces. */
  private static final String[][] PRESETS = {
      {"tage-sc-l:budget=64KB", "tage-sc-l-64kb"}, {"tage-sc-l:budget=8KB", "tage-sc-l-8kb"},
      {"tage:budget=64KB", "tage-only-64kb"}, {"tage:budget=8KB", "tage-only-8kb"}};
  private static final String BT9 = ".bt9.trace.gz";

  @TempDir
  Path dir;

  @Test
  void tagePresetsMispredictTheChampionshipCodesBranchesOnTheCbp2016Traces() throws IOException {
    Path traces = SharedMaterial.traceOrSkip("cbp2016");
    Path references = SharedMaterial.referenceOrSkip("championship-mispredictions");
    Path lists = dir.resolve("lists");
    List<String> args = new ArrayList<>(List.of("run", "-t", traces.toString(),
        "--mispredictions", lists.toString()));
    for (String[] preset : PRESETS) {
      args.addAll(List.of("-p", preset[0]));
    }
    Cli run = Cli.run(args.toArray(new String[0]));
    assertEquals(0, run.exitCode(), run.toString());

    List<String> names;
    try (Stream<Path> files = Files.list(traces)) {
      names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(BT9)).sorted()
          .toList();
    }
    assertEquals(5, names.size(), names.toString());
    StringBuilder differences = new StringBuilder();
    int pairs = 0;
    for (String name : names) {
      String trace = name.substring(0, name.length() - BT9.length());
      for (String[] preset : PRESETS) {
        Path ours = lists.resolve(MispredictionFiles.fileName(name, preset[0]));
        Path reference = references.resolve("cbp2016." + trace + "." + preset[1] + ".txt.gz");
        assertTrue(Files.isRegularFile(ours), ours + " written");
        assertTrue(Files.isRegularFile(reference), reference + " in the shared folder");
        Cli diff = Cli.run("diff-mispredictions", ours.toString(), reference.toString());
        String parting = firstDifference(ours, reference);
        if (parting == null) {
          assertEquals(0, diff.exitCode(), diff.toString());
        } else {
          assertEquals(DiffMispredictionsCommand.DIFFERENT, diff.exitCode(), diff.toString());
          assertTrue(diff.out().contains(": differ from " + parting + "\n"),
              "diff-mispredictions names the first difference, " + parting + ": " + diff.out());
          differences.append(trace).append(' ').append(preset[0]).append(": ")
              .append(diff.out().substring(diff.out().indexOf(": differ") + 2));
        }
        pairs++;
      }
    }
    assertEquals(20, pairs);
    assertTrue(differences.length() == 0, "lists that part from the championship code's:\n"
        + differences);
  }

  /**
   * Where two lists part, as {@code index N (line K)}: the first line number whose lines differ,
   * and the smaller index of the two lines (or the one line left); null when they are equal.
   */
  private static String firstDifference(Path a, Path b) throws IOException {
    try (BufferedReader readerA = reader(a); BufferedReader readerB = reader(b)) {
      long line = 0;
      while (true) {
        line++;
        String lineA = readerA.readLine();
        String lineB = readerB.readLine();
        if (lineA == null && lineB == null) {
          return null;
        }
        if (lineA == null || !lineA.equals(lineB)) {
          long index = Math.min(index(lineA), index(lineB));
          return "index " + index + " (line " + line + ")";
        }
      }
    }
  }

  private static long index(String line) {
    return line == null ? Long.MAX_VALUE : Long.parseLong(line.substring(0, line.indexOf(' ')));
  }

  private static BufferedReader reader(Path file) throws IOException {
    return new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(file)), StandardCharsets.US_ASCII));
  }
}
