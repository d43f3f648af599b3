package org.bpsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bpsim.predictor.spi.SpecException;
import org.bpsim.job.Checksums;
import org.bpsim.report.BranchesJson;
import org.bpsim.report.Comparison;
import org.bpsim.report.PipelineFigures;
import org.bpsim.report.PipelineJson;
import org.bpsim.report.Provenance;
import org.bpsim.report.ReportFiles;
import org.bpsim.report.ReportFolder;
import org.bpsim.report.ResultsJson;
import org.bpsim.replay.RunResult;
import org.bpsim.report.SummaryTable;
import org.bpsim.report.TraceChecksum;
import org.bpsim.replay.TraceHardestBranches;
import org.bpsim.error.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bpsim report}: renders a report folder from earlier results without replaying anything,
 * merging several results files into one comparison.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Render (or merge) results files written by 'bpsim compare' or "
        + "'bpsim run --format json' into a report folder, without re-running.",
        "A branches.json beside a results file carries its hardest branches over; without it "
            + "the report has none for those traces. A pipeline.json (compare --machine) "
            + "beside one brings the timing model's section back (the last one found wins).",
        "When several files hold the same trace and predictor, the later file wins."})
public final class ReportCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RESULTS.json", arity = "1..*",
      description = "results.json of a report (or the report folder itself), or the output "
          + "of 'bpsim run --format json'.")
  List<Path> inputs;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Report folder: new, empty, or one bpsim wrote (marked by its "
          + ".bpsim-report file); bpsim's files are replaced atomically, others kept.")
  Path out;

  @Option(names = "--baseline", paramLabel = "SPEC",
      description = "The predictor the others are measured against (default: the first).")
  String baseline;

  @Override
  public Integer call() throws Exception {
    Map<String, RunResult> merged = new LinkedHashMap<>();
    Map<String, TraceHardestBranches> hardest = new LinkedHashMap<>();
    List<TraceChecksum> checksums = new ArrayList<>();
    ReportFolder.checkTarget(out);
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
    String base = baseline(results);
    Provenance provenance = new Provenance(
        CommandLines.of(spec.commandLine().getParseResult().originalArgs()),
        BpsimCommand.version(), Provenance.thisMachine(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), checksums);
    Comparison comparison = new Comparison(results, base, new ArrayList<>(hardest.values()),
        provenance, pipeline);
    ReportFolder.write(out, ReportFiles.of(comparison));

    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(SummaryTable.render(comparison));
    stdout.println();
    stdout.println("report: " + out.resolve(ReportFiles.INDEX));
    stdout.flush();
    return ExitCodes.OK;
  }

  /** The named baseline as written in the results, or as its canonical spec; else the first. */
  private String baseline(List<RunResult> results) {
    if (baseline == null) {
      return results.get(0).predictor();
    }
    List<String> candidates = new ArrayList<>(List.of(baseline));
    try {
      candidates.add(org.bpsim.predictor.registry.PredictorRegistry.builtIn().resolve(baseline)
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
