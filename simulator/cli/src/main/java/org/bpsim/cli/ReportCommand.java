package org.bpsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bpsim.job.ReportJob;
import org.bpsim.report.Comparison;
import org.bpsim.report.ReportFolder;
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
    ReportFolder.checkTarget(out);
    Comparison comparison = ReportJob.run(inputs, baseline,
        CommandLines.of(spec.commandLine().getParseResult().originalArgs()),
        BpsimCommand.version());
    ReportPrinter.write(spec, out, comparison);
    return ExitCodes.OK;
  }
}
