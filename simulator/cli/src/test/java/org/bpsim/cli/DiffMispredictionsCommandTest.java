package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code bpsim diff-mispredictions A B} on lists written here (issue 10). */
final class DiffMispredictionsCommandTest {
  @TempDir
  Path dir;

  private Path list(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
    return file;
  }

  private Path list(String name, String text) throws IOException {
    return list(dir.resolve(name), text);
  }

  @Test
  void equalListsAreSaidEqualWithExitZero() throws IOException {
    Path a = list("a.txt.gz", "0 3a4 1\n1 10150 1\n8 10150 0\n");
    Path b = list("b.txt.gz", "0 3a4 1\n1 10150 1\n8 10150 0\n");
    Cli cli = Cli.run("diff-mispredictions", a.toString(), b.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals(a + " vs " + b + ": equal (3 mispredictions)\n", cli.out());

    Path empty = list("empty.txt.gz", "");
    Path alsoEmpty = list("also-empty.txt.gz", "");
    assertEquals(0, Cli.run("diff-mispredictions", empty.toString(), alsoEmpty.toString())
        .exitCode());
  }

  @Test
  void differentListsNameTheFirstIndexWhereTheyPartWithBothLinesAndCountTheDifferences()
      throws IOException {
    Path a = list("a.txt.gz", "0 10 1\n5 20 0\n9 30 1\n11 50 1\n");
    Path b = list("b.txt.gz", "0 10 1\n7 24 1\n9 30 1\n11 51 1\n12 40 0\n");
    Cli cli = Cli.run("diff-mispredictions", a.toString(), b.toString());
    assertEquals(DiffMispredictionsCommand.DIFFERENT, cli.exitCode(), cli.toString());
    assertEquals(a + " vs " + b + ": differ from index 5 (line 2)\n"
        + "  A: 5 20 0\n"
        + "  B: 7 24 1\n"
        + "  lines only in A: 2, only in B: 3, in both: 2\n", cli.out());

    Path shorter = list("shorter.txt.gz", "0 10 1\n");
    Cli ends = Cli.run("diff-mispredictions", shorter.toString(), a.toString());
    assertEquals(DiffMispredictionsCommand.DIFFERENT, ends.exitCode(), ends.toString());
    assertTrue(ends.out().contains(": differ from index 5 (line 2)\n  A: (ends after line 1)\n"
        + "  B: 5 20 0\n  lines only in A: 0, only in B: 3, in both: 1\n"), ends.out());
  }

  @Test
  void foldersArePairedByNameAndAFileOnOneSideIsReported() throws IOException {
    Path a = Files.createDirectory(dir.resolve("A"));
    Path b = Files.createDirectory(dir.resolve("B"));
    list(a.resolve("same.txt.gz"), "3 ff 1\n");
    list(b.resolve("same.txt.gz"), "3 ff 1\n");
    list(a.resolve("other.txt.gz"), "3 ff 1\n4 ff 0\n");
    list(b.resolve("other.txt.gz"), "3 ff 1\n");
    list(a.resolve("left.txt.gz"), "");
    list(b.resolve("right.txt.gz"), "");
    Files.writeString(b.resolve("notes.md"), "not a list, not compared");
    Cli cli = Cli.run("diff-mispredictions", a.toString(), b.toString());
    assertEquals(DiffMispredictionsCommand.DIFFERENT, cli.exitCode(), cli.toString());
    assertEquals("left.txt.gz: only in " + a + "\n"
        + "other.txt.gz: differ from index 4 (line 2)\n"
        + "  A: 4 ff 0\n"
        + "  B: (ends after line 1)\n"
        + "  lines only in A: 1, only in B: 0, in both: 1\n"
        + "right.txt.gz: only in " + b + "\n"
        + "same.txt.gz: equal (1 misprediction)\n"
        + "1 equal, 1 different, 2 on one side only\n", cli.out());

    Files.delete(a.resolve("left.txt.gz"));
    Files.delete(b.resolve("right.txt.gz"));
    list(a.resolve("other.txt.gz"), "3 ff 1\n");
    Cli equal = Cli.run("diff-mispredictions", a.toString(), b.toString());
    assertEquals(0, equal.exitCode(), equal.toString());
    assertTrue(equal.out().endsWith("2 equal, 0 different, 0 on one side only\n"), equal.out());

    Cli fileAndFolder = Cli.run("diff-mispredictions", a.resolve("same.txt.gz").toString(),
        b.toString());
    assertEquals(0, fileAndFolder.exitCode(), fileAndFolder.toString());
    assertEquals(a.resolve("same.txt.gz") + " vs " + b.resolve("same.txt.gz")
        + ": equal (1 misprediction)\n", fileAndFolder.out());
  }

  @Test
  void userErrorsNameTheFileAndLineAndExitTwo() throws IOException {
    Path good = list("good.txt.gz", "0 3a4 1\n");
    String[][] cases = {
        {"0 3a4 1\n5 0x10 1\n", "line 2: the pc is written without 0x"},
        {"0 3a4 1\n5 10 2\n", "line 2: expected the outcome, 0 or 1, after the pc, found '2'"},
        {"7 3a4 1\n5 10 1\n", "line 2: index 5 does not follow index 7 (indices must increase)"},
        {"0 3a4 1\n\n", "line 2: expected a decimal index at the start of the line, found the "
            + "end of the line"},
        {"0 3a4 1 extra\n", "line 1: expected the end of the line after the outcome, found a "
            + "space"},
        {"00 3a4 1\n", "line 1: the index has a leading zero"},
        {"0  3a4 1\n", "line 1: expected the pc in hex after the index, found a space"},
        {"0 3a4\n", "line 1: expected one space after the pc, found the end of the line"},
        {"99999999999999999999 1 1\n", "line 1: the index is too large"},
        {"0 11112222333344445 1\n", "line 1: the pc has more than 16 hex digits"},
    };
    for (String[] c : cases) {
      Path bad = list("bad.txt.gz", c[0]);
      Cli cli = Cli.run("diff-mispredictions", good.toString(), bad.toString());
      assertEquals(ExitCodes.USER_ERROR, cli.exitCode(), c[0] + cli);
      assertEquals(List.of("bpsim: " + bad + ": " + c[1]), cli.errLines(), c[0]);
    }

    Path plain = Files.writeString(dir.resolve("plain.txt"), "0 3a4 1\n");
    Cli notGzip = Cli.run("diff-mispredictions", plain.toString(), good.toString());
    assertEquals(ExitCodes.USER_ERROR, notGzip.exitCode(), notGzip.toString());
    assertEquals(List.of("bpsim: " + plain + ": not a gzip file (a misprediction list is "
        + "gzip-compressed text)"), notGzip.errLines());

    byte[] whole = Files.readAllBytes(list("long.txt.gz", "0 3a4 1\n".repeat(1)
        + lines(5000)));
    Path cut = Files.write(dir.resolve("cut.txt.gz"),
        java.util.Arrays.copyOf(whole, whole.length / 2));
    Cli truncated = Cli.run("diff-mispredictions", good.toString(), cut.toString());
    assertEquals(ExitCodes.USER_ERROR, truncated.exitCode(), truncated.toString());
    assertEquals(1, truncated.errLines().size(), truncated.err());
    assertTrue(truncated.err().startsWith("bpsim: " + cut + ": corrupt gzip data after line "),
        truncated.err());

    Path missing = dir.resolve("missing.txt.gz");
    Cli absent = Cli.run("diff-mispredictions", good.toString(), missing.toString());
    assertEquals(ExitCodes.USER_ERROR, absent.exitCode(), absent.toString());
    assertEquals(List.of("bpsim: " + missing + ": no such file or folder"), absent.errLines());
  }

  private static String lines(int count) {
    StringBuilder text = new StringBuilder();
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 1; i <= count; i++) {
      text.append(String.format(Locale.ROOT, "%d %x %d\n", 10L * i + random.nextInt(10),
          random.nextLong(), random.nextInt(2)));
    }
    return text.toString();
  }

  /**
   * Property: on random pairs of lists (one derived from the other by dropping, adding and
   * changing lines), the first index and the counts equal what sets of lines give.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void firstIndexAndCountsAgreeWithSetsOfLines(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    TreeMap<Long, String> a = new TreeMap<>();
    long index = 0;
    int size = 1 + random.nextInt(300);
    for (int i = 0; i < size; i++) {
      index += 1 + random.nextInt(5);
      a.put(index, index + " " + Long.toHexString(random.nextLong(1 << 20)) + " "
          + random.nextInt(2));
    }
    TreeMap<Long, String> b = new TreeMap<>();
    for (var entry : a.entrySet()) {
      int roll = random.nextInt(40);
      if (roll == 0) {
        continue; // dropped
      }
      long i = entry.getKey();
      b.put(i, roll == 1 ? i + " " + Long.toHexString(random.nextLong(1 << 20)) + " 1"
          : entry.getValue());
      if (roll == 2) {
        b.putIfAbsent(i + 1, (i + 1) + " 0 0"); // added
      }
    }
    Path fileA = list("a" + seed + ".txt.gz", join(a));
    Path fileB = list("b" + seed + ".txt.gz", join(b));
    Cli cli = Cli.run("diff-mispredictions", fileA.toString(), fileB.toString());

    Set<String> linesA = new HashSet<>(a.values());
    Set<String> linesB = new HashSet<>(b.values());
    long onlyA = a.values().stream().filter(l -> !linesB.contains(l)).count();
    long onlyB = b.values().stream().filter(l -> !linesA.contains(l)).count();
    long both = a.values().stream().filter(linesB::contains).count();
    List<String> listA = new ArrayList<>(a.values());
    List<String> listB = new ArrayList<>(b.values());
    int line = 0;
    while (line < listA.size() && line < listB.size() && listA.get(line).equals(listB.get(line))) {
      line++;
    }
    if (onlyA == 0 && onlyB == 0) {
      assertEquals(0, cli.exitCode(), "seed " + seed + ": " + cli);
      assertTrue(cli.out().endsWith(": equal (" + both + (both == 1 ? " misprediction)\n"
          : " mispredictions)\n")), cli.out());
      return;
    }
    long first = Math.min(line < listA.size() ? index(listA.get(line)) : Long.MAX_VALUE,
        line < listB.size() ? index(listB.get(line)) : Long.MAX_VALUE);
    assertEquals(DiffMispredictionsCommand.DIFFERENT, cli.exitCode(), "seed " + seed + ": " + cli);
    assertTrue(cli.out().contains(": differ from index " + first + " (line " + (line + 1)
        + ")\n"), "seed " + seed + ": " + cli.out());
    assertTrue(cli.out().endsWith("  lines only in A: " + onlyA + ", only in B: " + onlyB
        + ", in both: " + both + "\n"), "seed " + seed + ": " + cli.out());
  }

  private static long index(String line) {
    return Long.parseLong(line.substring(0, line.indexOf(' ')));
  }

  private static String join(TreeMap<Long, String> lines) {
    StringBuilder text = new StringBuilder();
    lines.values().forEach(l -> text.append(l).append('\n'));
    return text.toString();
  }
}
