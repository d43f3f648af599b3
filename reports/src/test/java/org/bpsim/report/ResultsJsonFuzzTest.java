package org.bpsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.replay.RunResult;

/**
 * {@code bpsim report} reads files users hand it: whatever the bytes, reading either yields results
 * that render and read back the same, or fails with one {@link ResultsFileException} line naming
 * the file. Runs its seed corpus in a normal build; fuzz with {@code JAZZER_FUZZ=1}.
 */
final class ResultsJsonFuzzTest {

  @FuzzTest
  void readingAnyBytesFailsCleanlyOrGivesValidResults(byte[] data) throws IOException {
    Path file = Files.createTempFile("results", ".json");
    try {
      Files.write(file, data);
      List<RunResult> results;
      try {
        results = ResultsJson.read(file);
      } catch (ResultsFileException e) {
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return;
      }
      for (RunResult r : results) {
        assertTrue(r.branches() >= 0 && r.mispredictions() >= 0 && r.storageBits() >= 0);
        // What the reader accepts is consistent: no accuracy outside [0, 1], none invented.
        assertTrue(r.mispredictions() <= r.conditionalBranches(), r.toString());
        assertTrue(r.conditionalBranches() <= r.branches(), r.toString());
        assertTrue(Double.isNaN(r.accuracy()) || r.accuracy() >= 0 && r.accuracy() <= 1,
            r.toString());
        assertTrue(r.counted() || Double.isNaN(r.accuracy()), r.toString());
      }
      Files.writeString(file, ResultFormat.JSON.render(results));
      assertEquals(results, ResultsJson.read(file));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
