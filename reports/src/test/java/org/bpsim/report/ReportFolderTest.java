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
    assertEquals(List.of("first.txt", "index.html", "results.json"), entries(target));
    assertEquals(List.of("report"), entries(dir.resolve("nested")));
  }

  @Test
  void replacesAnEarlierReportWholeSoNoStaleFileSurvives() throws IOException {
    Path target = dir.resolve("report");
    ReportFolder.write(target, report("first"));
    ReportFolder.write(target, report("second"));
    assertEquals(List.of("index.html", "results.json", "second.txt"), entries(target));
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
    assertEquals(List.of("first.txt", "index.html", "results.json"), entries(target));
    assertFalse(entries(dir).stream().anyMatch(n -> n.startsWith(".")),
        "temporary folder left behind: " + entries(dir));
  }
}
