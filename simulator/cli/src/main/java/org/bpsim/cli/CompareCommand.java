package org.bpsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bpsim.machine.Machines;
import org.bpsim.pipeline.LlcMode;
import org.bpsim.pipeline.PredictorFailure;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.report.Comparison;
import org.bpsim.report.MultiCoreFigures;
import org.bpsim.report.PipelineCoreFigures;
import org.bpsim.report.PipelineFigures;
import org.bpsim.report.Provenance;
import org.bpsim.report.ReportFiles;
import org.bpsim.report.ReportFolder;
import org.bpsim.replay.RunResult;
import org.bpsim.report.SummaryTable;
import org.bpsim.report.TraceChecksum;
import org.bpsim.replay.TraceHardestBranches;
import org.bpsim.replay.BranchStatistics;
import org.bpsim.replay.InParallel;
import org.bpsim.replay.Replay;
import org.bpsim.replay.ReplayOptions;
import org.bpsim.error.UserException;
import org.bpsim.trace.TraceContent;
import org.bpsim.trace.TraceOpener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bpsim compare}: replays traces through predictors (each trace decoded once for all of
 * them, traces in parallel) and writes a comparison report folder.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare predictors over traces and write a report folder: index.html, "
        + "results.json, results.csv, summary.md, branches.json and the charts as SVG.",
        "Without -t, uses the bundled sample traces; without -p, bimodal, gshare and whichever "
            + "TAGE/perceptron predictors this build has.",
        "With --machine, also runs the pipeline timing model and adds IPC, CPI stacks and "
            + "shared-vs-private LLC figures (pipeline.json and three more charts)."})
public final class CompareCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = {"-t", "--trace"}, paramLabel = "TRACE|DIR",
      description = "Trace file or folder of traces (repeatable). Default: the bundled samples.")
  List<Path> traces = new ArrayList<>();

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

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Traces replayed in parallel (default: all cores).")
  Integer jobs;

  @Option(names = "--machine", paramLabel = "PRESET|FILE",
      description = "Also run the pipeline timing model on this machine (preset, see 'bpsim "
          + "configs', or JSON file): every predictor on every CBP-2025 or ChampSim trace, one "
          + "core each, and the first " + ComparePipeline.MAX_CORES + " such traces together "
          + "with a shared and private LLC. Default: no timing model.")
  String machine;

  @Option(names = "--llc", paramLabel = "MODE",
      description = "LLC modes of the multi-core run with --machine: shared, private or both "
          + "(default: both).")
  String llc;

  /** Whether the baseline failed in the multi-core run after passing the replay. */
  private boolean multiCoreFailed;

  /** What one trace's replay yields; {@code pipeline} is null when the model did not run it. */
  private record TraceOutcome(List<RunResult> results, TraceHardestBranches hardest,
      TraceChecksum checksum, List<PipelineCoreFigures> pipeline) {
  }

  @picocli.CommandLine.Mixin
  PluginOptions pluginOptions = new PluginOptions();

  @picocli.CommandLine.Mixin
  PredictorTimeoutOption predictorTimeout = new PredictorTimeoutOption();

  /** The built-in predictors and the plugins; plugins that fail to load are named on stderr. */
  PredictorRegistry registry() {
    return pluginOptions.registry(spec.commandLine().getErr());
  }

  @Override
  public Integer call() throws Exception {
    if (top < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--top must be >= 0, not " + top);
    }
    if (jobs != null && jobs <= 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--jobs must be > 0, not " + jobs);
    }
    List<LlcMode> modes = llcModes();
    PredictorRegistry registry = registry();
    List<PredictorConfig> configs = configs(registry);
    ComparePipeline pipeline = null;
    if (machine != null) {
      pipeline = new ComparePipeline(Machines.load(machine), registry, predictorTimeout.guard());
      pipeline.check(configs.get(0));
    }
    List<Path> files = distinct(TraceArguments.expand(traces, null,
        "compare reads each trace twice, to replay it and to checksum it"));
    List<String> names = TraceNames.of(files);
    ReportFolder.checkTarget(out); // before the replay, not after it: a long run is not lost

    PrintWriter err = spec.commandLine().getErr();
    long totalBytes = 0;
    for (Path file : files) {
      totalBytes += Files.size(file);
    }
    List<TraceOutcome> outcomes;
    try (ProgressDisplay progress = new ProgressDisplay(err, System.console() != null,
        files.size(), totalBytes)) {
      outcomes = replayAll(registry, configs, files, names, progress, pipeline);
    }

    List<RunResult> results = new ArrayList<>();
    List<TraceHardestBranches> hardest = new ArrayList<>();
    List<TraceChecksum> checksums = new ArrayList<>();
    for (TraceOutcome outcome : outcomes) {
      results.addAll(outcome.results());
      hardest.add(outcome.hardest());
      checksums.add(outcome.checksum());
    }
    Provenance provenance = new Provenance(
        CommandLines.of(spec.commandLine().getParseResult().originalArgs()),
        BpsimCommand.version(), Provenance.thisMachine(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), checksums);
    Optional<PipelineFigures> figures = Optional.empty();
    if (pipeline != null) {
      figures = Optional.of(pipelineFigures(pipeline, configs.get(0), files, names, outcomes,
          modes, err));
    }
    Comparison comparison = new Comparison(results, configs.get(0).canonicalSpec(), hardest,
        provenance, figures);
    ReportFolder.write(out, ReportFiles.of(comparison));

    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(SummaryTable.render(comparison));
    stdout.println();
    stdout.println("report: " + out.resolve(ReportFiles.INDEX));
    stdout.flush();
    int exitCode = PredictorFailures.report(results, err);
    return multiCoreFailed ? ExitCodes.PREDICTOR_FAILED : exitCode;
  }

  private List<LlcMode> llcModes() {
    if (llc == null) {
      return List.of(LlcMode.SHARED, LlcMode.PRIVATE);
    }
    if (machine == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--llc needs --machine (it chooses the LLC of the timing model's multi-core run)");
    }
    try {
      return LlcMode.named(llc);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /**
   * The single-core figures the trace tasks produced, and the multi-core run of the first traces
   * that carry instructions (as many as {@link ComparePipeline#cores} allows), with the baseline
   * predictor.
   */
  private PipelineFigures pipelineFigures(ComparePipeline pipeline, PredictorConfig baseline,
      List<Path> files, List<String> names, List<TraceOutcome> outcomes, List<LlcMode> modes,
      PrintWriter err) throws IOException, InterruptedException {
    List<PipelineCoreFigures> singleCore = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Path> together = new ArrayList<>();
    List<String> togetherNames = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      List<PipelineCoreFigures> figures = outcomes.get(i).pipeline();
      if (figures == null) {
        skipped.add(names.get(i));
        continue;
      }
      singleCore.addAll(figures);
      together.add(files.get(i));
      togetherNames.add(names.get(i));
    }
    int cores = pipeline.cores(together.size(), modes);
    together = together.subList(0, Math.max(0, cores));
    togetherNames = togetherNames.subList(0, Math.max(0, cores));
    List<MultiCoreFigures> multiCore = List.of();
    if (cores >= 2 && baselineFailed(outcomes)) {
      // The multi-core run uses the baseline; its failure is already named per trace.
      err.println("compare: timing model: no multi-core run, the baseline predictor "
          + baseline.canonicalSpec() + " failed");
      err.flush();
    } else if (cores >= 2) {
      err.println("compare: timing model, " + together.size() + " cores together, LLC "
          + String.join(" and ", modes.stream().map(LlcMode::id).toList()) + " ...");
      err.flush();
      try {
        multiCore = pipeline.multiCore(together, togetherNames, baseline, modes, jobs);
      } catch (PredictorFailure failure) {
        err.println("bpsim: predictor " + baseline.canonicalSpec() + " failed on "
            + failure.trace() + " in the multi-core run: " + failure.getMessage());
        err.flush();
        multiCoreFailed = true;
      }
    }
    return new PipelineFigures(pipeline.machine().name(), singleCore, multiCore, skipped);
  }

  /** Whether the baseline (the first predictor) failed on any trace. */
  private static boolean baselineFailed(List<TraceOutcome> outcomes) {
    for (TraceOutcome outcome : outcomes) {
      if (outcome.results().get(0).failed()) {
        return true;
      }
    }
    return false;
  }

  /** The predictors, baseline first; the baseline is added when not among them. */
  private List<PredictorConfig> configs(PredictorRegistry registry) {
    List<PredictorConfig> configs = new ArrayList<>();
    if (predictors.isEmpty()) {
      configs.addAll(DefaultComparison.predictors(registry));
    } else {
      for (String text : predictors) {
        configs.add(registry.resolve(text));
      }
    }
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (PredictorConfig config : configs) {
      if (!seen.add(config.canonicalSpec())) {
        throw new UserException("predictor " + config.canonicalSpec() + " is given twice");
      }
    }
    if (baseline != null) {
      PredictorConfig base = registry.resolve(baseline);
      configs.removeIf(c -> c.canonicalSpec().equals(base.canonicalSpec()));
      configs.add(0, base);
    }
    return configs;
  }

  private static List<Path> distinct(List<Path> files) {
    LinkedHashSet<Path> seen = new LinkedHashSet<>();
    List<Path> unique = new ArrayList<>();
    for (Path file : files) {
      if (seen.add(file.toAbsolutePath().normalize())) {
        unique.add(file);
      }
    }
    return unique;
  }

  private List<TraceOutcome> replayAll(PredictorRegistry registry, List<PredictorConfig> configs,
      List<Path> files, List<String> names, ProgressDisplay progress, ComparePipeline pipeline)
      throws IOException, InterruptedException {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      indexes.add(i);
    }
    return InParallel.map(indexes, jobs,
        i -> replayOne(registry, configs, files.get(i), names.get(i), progress, pipeline));
  }

  /** The replay's row of a predictor that then failed in the timing model, marked failed. */
  private static RunResult failedInTimingModel(RunResult row, PredictorFailure failure) {
    return new RunResult(row.trace(), row.predictor(), row.instructions(), row.branches(),
        row.conditionalBranches(), row.mispredictions(), row.storageBits(),
        failure.getMessage() + " in the timing model");
  }

  private TraceOutcome replayOne(PredictorRegistry registry, List<PredictorConfig> configs,
      Path file, String name, ProgressDisplay progress, ComparePipeline pipeline)
      throws IOException {
    long started = System.nanoTime();
    List<String> specs = new ArrayList<>();
    for (PredictorConfig config : configs) {
      specs.add(config.canonicalSpec());
    }
    BranchStatistics statistics = new BranchStatistics(configs.size());
    List<RunResult> results = new Replay(file, name, null, ReplayOptions.WHOLE_TRACE)
        .warnTo(progress::warn)
        .run(configs, registry, statistics, progress::replayed, predictorTimeout.guard());
    TraceHardestBranches hardest = statistics.hardest(name, specs, 0, top);
    TraceChecksum checksum = new TraceChecksum(name, Checksums.sha256(file));
    List<PipelineCoreFigures> timing = null;
    if (pipeline != null && TraceOpener.provides(file, TraceContent.INSTRUCTIONS)) {
      timing = new ArrayList<>();
      results = new ArrayList<>(results);
      for (int p = 0; p < configs.size(); p++) {
        // A predictor that failed the replay (a faulty plugin) is already reported there.
        if (results.get(p).failed()) {
          continue;
        }
        try {
          timing.add(pipeline.singleCore(file, name, configs.get(p)));
        } catch (PredictorFailure failure) {
          results.set(p, failedInTimingModel(results.get(p), failure));
        }
      }
    }
    progress.traceFinished(name, Files.size(file), results.get(0).branches(),
        (System.nanoTime() - started) / 1e9);
    return new TraceOutcome(results, hardest, checksum, timing);
  }
}
