package org.bpsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReportFolderTest {
  @TempDir
  Path dir;

  private static Map<String, String> report(String marker) {
    return Map.of("index.html", "<p>" + marker + "</p>", "results.json", "{}\n",
        marker + ".txt", marker);
  }

  private List<String> entries(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesTheFolderAndLeavesNoTemporaryBehind() throws IOException {
    Path target = dir.resolve("nested/report");
    ReportFolder.write(target, report("first"));
    assertEquals(List.of(".bpsim-report", "first.txt", "index.html", "results.json"),
        entries(target));
    assertEquals(List.of("report"), entries(dir.resolve("nested")));
  }

  @Test
  void replacesAnEarlierReportSoNoStaleFileOfItsSurvives() throws IOException {
    Path target = dir.resolve("report");
    ReportFolder.write(target, report("first"));
    ReportFolder.write(target, report("second"));
    assertEquals(List.of(".bpsim-report", "index.html", "results.json", "second.txt"),
        entries(target));
    assertEquals("<p>second</p>", Files.readString(target.resolve("index.html")));
    assertEquals(List.of("report"), entries(dir));
  }

  @Test
  void fillsAnEmptyFolder() throws IOException {
    Path target = Files.createDirectory(dir.resolve("empty"));
    ReportFolder.write(target, report("first"));
    assertTrue(Files.exists(target.resolve("first.txt")));
  }

  @Test
  void refusesToReplaceAFolderThatIsNotAReport() throws IOException {
    Path home = Files.createDirectory(dir.resolve("home"));
    Files.writeString(home.resolve("thesis.tex"), "precious");
    ReportTargetException e = assertThrows(ReportTargetException.class,
        () -> ReportFolder.write(home, report("first")));
    assertTrue(e.getMessage().contains("is not a bpsim report"), e.getMessage());
    assertEquals(List.of("thesis.tex"), entries(home));
    assertEquals(List.of("home"), entries(dir));
  }

  @Test
  void refusesAFileInTheWay() throws IOException {
    Path file = Files.writeString(dir.resolve("report"), "a file");
    assertThrows(ReportTargetException.class, () -> ReportFolder.write(file, report("x")));
    assertEquals("a file", Files.readString(file));
  }

  @Test
  void aFailedWriteLeavesTheEarlierReportUntouched() throws IOException {
    Path target = dir.resolve("report");
    ReportFolder.write(target, report("first"));
    // A file name that cannot be created makes the write fail half-way through.
    Map<String, String> broken = new java.util.LinkedHashMap<>(report("second"));
    broken.put("no/such/sub/folder.svg", "x");
    assertThrows(IOException.class, () -> ReportFolder.write(target, broken));
    assertEquals(List.of(".bpsim-report", "first.txt", "index.html", "results.json"),
        entries(target));
    assertEquals("<p>first</p>", Files.readString(target.resolve("index.html")));
    assertFalse(entries(dir).stream().anyMatch(n -> n.startsWith(".")),
        "temporary folder left behind: " + entries(dir));
  }

  @Test
  void keepsTheFilesOfAMarkedFolderThatBpsimDidNotWrite() throws IOException {
    Path target = dir.resolve("report");
    ReportFolder.write(target, report("first"));
    Files.writeString(target.resolve("thesis.tex"), "precious");
    Files.createDirectory(target.resolve("figures"));
    ReportFolder.write(target, report("second"));
    assertEquals("precious", Files.readString(target.resolve("thesis.tex")));
    assertTrue(Files.isDirectory(target.resolve("figures")));
    assertEquals(List.of(".bpsim-report", "figures", "index.html", "results.json",
        "second.txt", "thesis.tex"), entries(target));
    assertEquals(List.of("index.html", "results.json", "second.txt"),
        ReportFolder.writtenFiles(target).orElseThrow().stream().sorted().toList());
  }

  @Test
  void refusesAReportOfAnOlderBpsimThatHasNoMark() throws IOException {
    // What bpsim wrote before the mark: index.html and results.json, and a user's file.
    Path old = Files.createDirectory(dir.resolve("old"));
    Files.writeString(old.resolve("index.html"), "<p>old</p>");
    Files.writeString(old.resolve("results.json"), "{}");
    Files.writeString(old.resolve("thesis.tex"), "precious");
    ReportTargetException e = assertThrows(ReportTargetException.class,
        () -> ReportFolder.checkTarget(old));
    assertTrue(e.getMessage().contains(".bpsim-report"), e.getMessage());
    assertThrows(ReportTargetException.class, () -> ReportFolder.write(old, report("new")));
    assertEquals(List.of("index.html", "results.json", "thesis.tex"), entries(old));
    assertEquals("<p>old</p>", Files.readString(old.resolve("index.html")));
  }

  @Test
  void aMarkWithoutItsFormatLineIsNoMark() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("folder"));
    Files.writeString(folder.resolve(".bpsim-report"), "thesis.tex\n");
    Files.writeString(folder.resolve("thesis.tex"), "precious");
    assertThrows(ReportTargetException.class, () -> ReportFolder.write(folder, report("x")));
    assertEquals("precious", Files.readString(folder.resolve("thesis.tex")));
  }

  @Test
  void aMarkNeverLeadsOutOfItsFolder() throws IOException {
    Path target = dir.resolve("report");
    ReportFolder.write(target, report("first"));
    Path outside = Files.writeString(dir.resolve("outside.txt"), "precious");
    Files.writeString(target.resolve(".bpsim-report"), ReportFolder.MARKER_FORMAT
        + "\n../outside.txt\nindex.html\n");
    ReportFolder.write(target, report("second"));
    assertEquals("precious", Files.readString(outside));
  }
}
