package org.bpsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.bpsim.job.DefaultComparison;
import org.bpsim.job.CompareJob;
import org.bpsim.job.CompareOptions;
import org.bpsim.job.CompareOutcome;
import org.bpsim.pipeline.LlcMode;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.replay.ReplayOptions;
import org.bpsim.report.ReportFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bpsim compare}: parses the options, runs {@link CompareJob}, writes the report. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare predictors over traces and write a report folder: index.html, "
        + "results.json, results.csv, summary.md, branches.json and the charts as SVG.",
        "Without -t, uses the bundled sample traces; without -p, bimodal, gshare and whichever "
            + "TAGE/perceptron predictors this build has.",
        "With --machine, also runs the pipeline timing model and adds IPC, CPI stacks and "
            + "shared-vs-private LLC figures (pipeline.json and three more charts)."})
public final class CompareCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;
  @Mixin
  TraceOptions traces = new TraceOptions();
  @Mixin
  WindowOptions window = new WindowOptions();
  @Mixin
  JobOptions jobs = new JobOptions();
  @Mixin
  PluginOptions pluginOptions = new PluginOptions();

  @Option(names = {"-p", "--predictor"}, paramLabel = "SPEC",
      description = "Predictor spec name[:key=value,...] (repeatable). See 'bpsim predictors'.")
  List<String> predictors = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "SPEC",
      description = "The predictor the others are measured against (default: the first).")
  String baseline;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "Hardest branches listed per trace (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "bpsim-report",
      description = "Report folder: new, empty, or one bpsim wrote (marked by its "
          + ".bpsim-report file); bpsim's files are replaced atomically, others kept "
          + "(default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--machine", paramLabel = "PRESET|FILE", converter = MachineChoice.Converter.class,
      description = "Also run the pipeline timing model on this machine (preset, see 'bpsim "
          + "configs', or JSON file): every predictor on every CBP-2025 or ChampSim trace, one "
          + "core each, and the first " + CompareJob.MAX_CORES + " such traces together "
          + "with a shared and private LLC. Default: no timing model.")
  MachineChoice machine;

  @Option(names = "--llc", paramLabel = "MODE",
      description = "LLC modes of the multi-core run with --machine: shared, private or both "
          + "(default: both).")
  String llc;

  @Override
  public Integer call() throws Exception {
    if (top < 0) {
      throw new ParameterException(spec.commandLine(), "--top must be >= 0, not " + top);
    }
    Integer cores = jobs.jobs();
    ReplayOptions counted = window.replay(0, null, OptionalLong.empty());
    List<LlcMode> modes = llcModes();
    PredictorRegistry registry = pluginOptions.registry(spec.commandLine().getErr());
    CompareJob job = new CompareJob(new CompareOptions(registry,
        DefaultComparison.resolve(registry, predictors, baseline),
        counted, top,
        cores, jobs.guard(), machine == null ? null : machine.load(), modes,
        CommandLines.of(spec.commandLine().getParseResult().originalArgs()),
        BpsimCommand.version()));
    List<Path> files = CompareJob.distinct(traces.checked(null,
        "compare reads each trace twice, to replay it and to checksum it"));
    ReportFolder.checkTarget(out); // before the replay, not after it: a long run is not lost

    PrintWriter err = spec.commandLine().getErr();
    CompareOutcome outcome;
    try (ProgressDisplay progress = ProgressDisplay.over(err, System.console() != null, files)) {
      outcome = job.run(files, progress);
    }
    ReportPrinter.write(spec, out, outcome.comparison());
    int exitCode = PredictorFailures.report(outcome.comparison().results(), err);
    return outcome.multiCoreFailed() ? ExitCodes.PREDICTOR_FAILED : exitCode;
  }

  private List<LlcMode> llcModes() {
    if (llc == null) {
      return List.of(LlcMode.SHARED, LlcMode.PRIVATE);
    }
    if (machine == null) {
      throw new ParameterException(spec.commandLine(),
          "--llc needs --machine (it chooses the LLC of the timing model's multi-core run)");
    }
    return MachineChoice.llcModes(spec, llc);
  }
}
