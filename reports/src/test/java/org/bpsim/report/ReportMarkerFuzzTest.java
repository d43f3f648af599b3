package org.bpsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A report folder's {@code .bpsim-report} mark is a file anyone can edit: whatever its bytes,
 * writing a report there either is refused with one {@link ReportTargetException} line or
 * succeeds, and in both cases every file that the mark does not claim as bpsim's (inside the
 * folder and beside it, whatever names the mark holds) is still there with its content. Runs its seed corpus in a normal build; fuzz with
 * {@code JAZZER_FUZZ=1}.
 */
final class ReportMarkerFuzzTest {

  @FuzzTest
  void anyMarkKeepsEveryFileBpsimDidNotWrite(byte[] mark) throws IOException {
    Path root = Files.createTempDirectory("report-mark");
    try {
      Path outside = Files.writeString(root.resolve("outside.txt"), "beside");
      Path folder = Files.createDirectory(root.resolve("report"));
      Path thesis = Files.writeString(folder.resolve("thesis.tex"), "precious");
      Path figures = Files.createDirectory(folder.resolve("figures"));
      Files.write(folder.resolve(ReportFolder.MARKER), mark);
      boolean claimed = ReportFolder.writtenFiles(folder).orElse(java.util.List.of())
          .contains("thesis.tex");
      try {
        ReportFolder.write(folder, Map.of("index.html", "<p>new</p>", "results.json", "{}\n"));
        assertEquals("<p>new</p>", Files.readString(folder.resolve("index.html")));
      } catch (ReportTargetException e) {
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
      }
      assertEquals("beside", Files.readString(outside));
      if (!claimed) {
        assertEquals("precious", Files.readString(thesis));
      }
      assertTrue(Files.isDirectory(figures));
    } finally {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
