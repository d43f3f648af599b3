package org.bpsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.replay.RunResult;
import org.bpsim.replay.TraceHardestBranches;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ResultsJsonTest {
  @TempDir
  Path dir;

  @Test
  void readsBackExactlyWhatTheJsonFormatWrote() throws IOException {
    List<RunResult> results = SampleComparisons.withHostileNames().results();
    Path file = Files.writeString(dir.resolve("results.json"), ResultFormat.JSON.render(results));
    List<RunResult> read = ResultsJson.read(file);
    assertEquals(results, read);
    assertEquals(ResultFormat.JSON.render(results), ResultFormat.JSON.render(read));
  }

  @Test
  void branchesRoundTripIncludingHighAddresses() throws IOException {
    List<TraceHardestBranches> hardest = SampleComparisons.withHostileNames().hardestBranches();
    Path file = Files.writeString(dir.resolve("branches.json"), BranchesJson.render(hardest));
    assertEquals(hardest, BranchesJson.read(file));
  }

  @Test
  void brokenJsonIsOneLineNamingTheFileAndPlace() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.json"), "{\"runs\": [ {\"trace\": ");
    ResultsFileException e = assertThrows(ResultsFileException.class,
        () -> ResultsJson.read(file));
    assertTrue(e.getMessage().startsWith(file + ": not valid JSON at line 1"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void missingFieldsAreNamed() throws IOException {
    Path file = Files.writeString(dir.resolve("partial.json"),
        "{\"runs\": [{\"trace\": \"t\", \"predictor\": \"p\"}]}");
    ResultsFileException e = assertThrows(ResultsFileException.class,
        () -> ResultsJson.read(file));
    assertTrue(e.getMessage().contains("'branches'"), e.getMessage());
  }
}
