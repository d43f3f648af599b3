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
import java.util.concurrent.Callable;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.report.Comparison;
import org.bpsim.report.Provenance;
import org.bpsim.report.ReportFiles;
import org.bpsim.report.ReportFolder;
import org.bpsim.report.RunResult;
import org.bpsim.report.SummaryTable;
import org.bpsim.report.TraceChecksum;
import org.bpsim.report.TraceHardestBranches;
import org.bpsim.sim.BranchStatistics;
import org.bpsim.sim.InParallel;
import org.bpsim.sim.Replay;
import org.bpsim.sim.ReplayOptions;
import org.bpsim.sim.UserException;
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
            + "TAGE/perceptron predictors this build has."})
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
      description = "Report folder, replaced atomically if it holds an earlier report "
          + "(default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Traces replayed in parallel (default: all cores).")
  Integer jobs;

  /** What one trace's replay yields. */
  private record TraceOutcome(List<RunResult> results, TraceHardestBranches hardest,
      TraceChecksum checksum) {
  }

  @picocli.CommandLine.Mixin
  PluginOptions pluginOptions = new PluginOptions();

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
    PredictorRegistry registry = registry();
    List<PredictorConfig> configs = configs(registry);
    List<Path> files = distinct(TraceArguments.expand(traces));
    List<String> names = TraceNames.of(files);

    PrintWriter err = spec.commandLine().getErr();
    long totalBytes = 0;
    for (Path file : files) {
      totalBytes += Files.size(file);
    }
    List<TraceOutcome> outcomes;
    try (ProgressDisplay progress = new ProgressDisplay(err, System.console() != null,
        files.size(), totalBytes)) {
      outcomes = replayAll(registry, configs, files, names, progress);
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
        CommandLines.of("compare", spec.commandLine().getParseResult().originalArgs()),
        BpsimCommand.version(), Provenance.thisMachine(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), checksums);
    Comparison comparison = new Comparison(results, configs.get(0).canonicalSpec(), hardest,
        provenance);
    ReportFolder.write(out, ReportFiles.of(comparison));

    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(SummaryTable.render(comparison));
    stdout.println();
    stdout.println("report: " + out.resolve(ReportFiles.INDEX));
    stdout.flush();
    return PredictorFailures.report(results, err);
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
      List<Path> files, List<String> names, ProgressDisplay progress)
      throws IOException, InterruptedException {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      indexes.add(i);
    }
    return InParallel.map(indexes, jobs,
        i -> replayOne(registry, configs, files.get(i), names.get(i), progress));
  }

  private TraceOutcome replayOne(PredictorRegistry registry, List<PredictorConfig> configs,
      Path file, String name, ProgressDisplay progress) throws IOException {
    long started = System.nanoTime();
    List<String> specs = new ArrayList<>();
    for (PredictorConfig config : configs) {
      specs.add(config.canonicalSpec());
    }
    BranchStatistics statistics = new BranchStatistics(configs.size());
    List<RunResult> results = new Replay(file, name, null, ReplayOptions.WHOLE_TRACE)
        .run(configs, registry, statistics, progress::replayed);
    TraceHardestBranches hardest = statistics.hardest(name, specs, 0, top);
    TraceChecksum checksum = new TraceChecksum(name, Checksums.sha256(file));
    progress.traceFinished(name, Files.size(file), results.get(0).branches(),
        (System.nanoTime() - started) / 1e9);
    return new TraceOutcome(results, hardest, checksum);
  }
}
