package org.bpsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pipeline.json read back as written, mispredictions by type included. */
final class PipelineJsonTest {
  @TempDir
  Path folder;

  @Test
  void readsBackWhatItWrites() throws IOException {
    PipelineFigures figures = SampleComparisons.withHostileNames().pipeline().orElseThrow();
    Path file = folder.resolve(PipelineJson.FILE_NAME);
    Files.writeString(file, PipelineJson.render(figures));
    PipelineFigures read = PipelineJson.read(file);
    assertEquals(figures.singleCore(), read.singleCore());
    assertEquals(figures.multiCore().get(0).cores(), read.multiCore().get(0).cores());
    assertEquals(6, read.singleCore().get(0).mispredictionsByType().size());
  }

  @Test
  void aFileWrittenBeforeTheTypesReadsWithNone() throws IOException {
    PipelineFigures figures = SampleComparisons.withHostileNames().pipeline().orElseThrow();
    String older = PipelineJson.render(figures)
        .replaceAll(",\\s*\"mispredictions_by_type\" : \\{[^}]*\\}", "");
    assertTrue(!older.contains("mispredictions_by_type"), older);
    Path file = folder.resolve(PipelineJson.FILE_NAME);
    Files.writeString(file, older);
    assertTrue(PipelineJson.read(file).singleCore().get(0).mispredictionsByType().isEmpty());
  }
}
