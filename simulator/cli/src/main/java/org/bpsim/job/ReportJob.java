package org.bpsim.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bpsim.error.UserException;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.SpecException;
import org.bpsim.replay.RunResult;
import org.bpsim.replay.TraceHardestBranches;
import org.bpsim.report.BranchesJson;
import org.bpsim.report.Comparison;
import org.bpsim.report.PipelineFigures;
import org.bpsim.report.PipelineJson;
import org.bpsim.report.Provenance;
import org.bpsim.report.ReportFiles;
import org.bpsim.report.ResultsJson;
import org.bpsim.report.TraceChecksum;

/**
 * {@code bpsim report}: earlier results files merged into one comparison, nothing replayed. A
 * later file wins a (trace, predictor) row; a {@code branches.json} beside a results file brings
 * its hardest branches, a {@code pipeline.json} the timing model's figures (the last one wins).
 */
public final class ReportJob {
  private ReportJob() {
  }

  /**
   * @param inputs results files, or report folders holding one
   * @param baseline the predictor the others are measured against, or null for the first
   */
  public static Comparison run(List<Path> inputs, String baseline, String commandLine,
      String version) throws IOException {
    Map<String, RunResult> merged = new LinkedHashMap<>();
    Map<String, TraceHardestBranches> hardest = new LinkedHashMap<>();
    List<TraceChecksum> checksums = new ArrayList<>();
    // Timing-model figures are whole runs, not rows: the last results file with some wins.
    Optional<PipelineFigures> pipeline = Optional.empty();
    for (Path given : inputs) {
      Path input = Files.isDirectory(given) ? given.resolve(ReportFiles.RESULTS_JSON) : given;
      for (RunResult r : ResultsJson.read(input)) {
        merged.put(r.trace() + '\u0000' + r.predictor(), r);
      }
      Path branches = input.toAbsolutePath().resolveSibling(BranchesJson.FILE_NAME);
      if (Files.isRegularFile(branches)) {
        for (TraceHardestBranches t : BranchesJson.read(branches)) {
          hardest.put(t.trace(), t);
        }
      }
      Path timing = input.toAbsolutePath().resolveSibling(PipelineJson.FILE_NAME);
      if (Files.isRegularFile(timing)) {
        pipeline = Optional.of(PipelineJson.read(timing));
      }
      checksums.add(new TraceChecksum(input.toString(), Checksums.sha256(input)));
    }
    if (merged.isEmpty()) {
      throw new UserException(inputs + ": no results to report");
    }
    List<RunResult> results = new ArrayList<>(merged.values());
    return new Comparison(results, baseline(results, baseline), new ArrayList<>(hardest.values()),
        Provenance.now(commandLine, version, checksums), pipeline);
  }

  /** The named baseline as written in the results, or as its canonical spec; else the first. */
  private static String baseline(List<RunResult> results, String baseline) {
    if (baseline == null) {
      return results.get(0).predictor();
    }
    List<String> candidates = new ArrayList<>(List.of(baseline));
    try {
      candidates.add(PredictorRegistry.builtIn().resolve(baseline)
          .canonicalSpec());
    } catch (SpecException e) {
      // Not a predictor this build knows (a plugin's, say): match the text as written.
    }
    for (String candidate : candidates) {
      for (RunResult r : results) {
        if (r.predictor().equals(candidate)) {
          return candidate;
        }
      }
    }
    throw new UserException("--baseline " + baseline + ": no such predictor in the results");
  }
}
