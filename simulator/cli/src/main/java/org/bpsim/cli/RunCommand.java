package org.bpsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.bpsim.output.AtomicFiles;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.report.ResultFormat;
import org.bpsim.replay.RunResult;
import org.bpsim.replay.InParallel;
import org.bpsim.replay.PredictorGuard;
import org.bpsim.replay.Replay;
import org.bpsim.replay.ReplayOptions;
import org.bpsim.replay.SplitReplay;
import org.bpsim.trace.TraceFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bpsim run}: replays traces through predictors and prints accuracy and MPKI. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Replay branch traces through one or more predictors, each trace decoded once.",
        "Conditional branches are predicted then learnt at once (CBP-2016 semantics); other "
            + "branches only update predictor state.",
        "Without -t, replays the bundled sample traces."})
public final class RunCommand implements Callable<Integer> {
  static final List<String> DEFAULT_PREDICTORS = List.of("bimodal", "gshare");

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.Mixin
  PluginOptions pluginOptions = new PluginOptions();

  @picocli.CommandLine.Mixin
  PredictorTimeoutOption predictorTimeout = new PredictorTimeoutOption();

  @Option(names = {"-t", "--trace"}, paramLabel = "TRACE",
      description = "Trace file or folder of traces (repeatable). Default: the bundled samples.")
  List<Path> traces = new ArrayList<>();

  @Option(names = {"-p", "--predictor"}, paramLabel = "SPEC",
      description = "Predictor spec name[:key=value,...] (repeatable). Default: "
          + "bimodal and gshare. See 'bpsim predictors'.")
  List<String> predictors = new ArrayList<>();

  @Option(names = "--warmup-instructions", paramLabel = "N", defaultValue = "0",
      description = "Train but do not count during the first N instructions.")
  long warmupInstructions;

  @Option(names = "--max-instructions", paramLabel = "N",
      description = "Stop after N counted instructions (after the warmup).")
  Long maxInstructions;

  @Option(names = "--instructions", paramLabel = "N",
      description = "Instruction count of traces that carry none (CBP-1 text), for MPKI.")
  Long instructions;

  @Option(names = "--trace-format", paramLabel = "FORMAT",
      description = "Read traces as this format instead of detecting it: "
          + TraceFormat.IDS + ".")
  String traceFormat;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "Output format: table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the results to FILE (atomically) instead of standard output.")
  Path output;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Cores to use (default: all): traces replay in parallel, and with fewer "
          + "traces than N each trace's predictors are spread over the cores, the trace still "
          + "decoded once.")
  Integer jobs;

  @Option(names = "--mispredictions", paramLabel = "DIR",
      description = {"Also write, for each trace and predictor, the list of its mispredicted "
          + "conditional branches to DIR/<trace name>.<canonical spec, with : , = as _>.txt.gz "
          + "(gzip; one line '<index> <pc-hex> <taken 0|1>' each, index counting every "
          + "conditional branch of the trace from 0, warmup included; only branches counted "
          + "after the warmup and up to --max-instructions are listed). DIR is created if "
          + "missing; the files appear only when every trace has replayed. Compare lists with "
          + "'bpsim diff-mispredictions'."})
  Path mispredictions;

  @Override
  public Integer call() throws Exception {
    ResultFormat resultFormat = parseFormat(format);
    PredictorRegistry registry = pluginOptions.registry(spec.commandLine().getErr());
    List<String> specs = predictors.isEmpty() ? DEFAULT_PREDICTORS : predictors;
    List<PredictorConfig> configs = new ArrayList<>();
    for (String text : specs) {
      configs.add(registry.resolve(text));
    }
    ReplayOptions options = replayOptions();
    TraceFormat forced = traceFormat == null ? null : parseTraceFormat(traceFormat);
    List<Path> files = TraceArguments.expand(traces, forced, null);
    MispredictionFiles lists = mispredictions == null ? null
        : MispredictionFiles.prepare(mispredictions, files, configs);
    if (output != null) {
      AtomicFiles.checkTarget(output); // a folder given as -o is refused before the replay
      for (Path file : files) {
        AtomicFiles.refuseInput(output, file); // -o naming a trace would destroy it
      }
    }

    long started = System.nanoTime();
    List<RunResult> results = replayAll(registry, configs, options, forced, files, lists);
    double seconds = (System.nanoTime() - started) / 1e9;

    String text = resultFormat.render(results);
    PrintWriter out = spec.commandLine().getOut();
    if (output == null) {
      out.print(text);
      out.flush();
    } else {
      AtomicFiles.write(output, text);
    }
    printThroughput(results, configs.size(), seconds);
    return PredictorFailures.report(results, spec.commandLine().getErr());
  }

  private List<RunResult> replayAll(PredictorRegistry registry, List<PredictorConfig> configs,
      ReplayOptions options, TraceFormat forced, List<Path> files)
      throws IOException, InterruptedException {
    PredictorGuard guard = predictorTimeout.guard();
    List<RunResult> results = new ArrayList<>();
    java.util.function.Consumer<String> warnings = warnings();
    int workers = workers(files, configs);
    if (System.console() == null) {
      for (List<RunResult> perTrace : InParallel.map(files, jobs,
          file -> new Replay(file, file.toString(), forced, options).warnTo(warnings)
              .spreadOver(workers).run(configs, registry, null, null, guard))) {
        results.addAll(perTrace);
      }
      return results;
    }
    // On a terminal, a progress line: above all for a stream, which may never end.
    long bytes = 0;
    boolean streams = false;
    for (Path file : files) {
      if (java.nio.file.Files.isRegularFile(file)) {
        bytes += java.nio.file.Files.size(file);
      } else {
        streams = true;
      }
    }
    try (ProgressDisplay progress = new ProgressDisplay(spec.commandLine().getErr(), true,
        files.size(), bytes, streams)) {
      for (List<RunResult> perTrace : InParallel.map(files, jobs, file -> {
        List<RunResult> rows = new Replay(file, file.toString(), forced, options)
            .warnTo(warnings).spreadOver(workers)
            .run(configs, registry, null, progress::replayed, guard);
        progress.traceFinished(file.toString(), java.nio.file.Files.isRegularFile(file)
            ? java.nio.file.Files.size(file) : 0, rows.get(0).branches(), 0);
        return rows;
      })) {
        results.addAll(perTrace);
      }
    }
    return results;
  }

  /**
   * {@link #replayAll} that also writes the misprediction lists (when {@code lists} is not null),
   * renaming them all into place once every trace has replayed, or none if one failed.
   */
  private List<RunResult> replayAll(PredictorRegistry registry, List<PredictorConfig> configs,
      ReplayOptions options, TraceFormat forced, List<Path> files, MispredictionFiles lists)
      throws IOException, InterruptedException {
    if (lists == null) {
      return replayAll(registry, configs, options, forced, files);
    }
    java.util.function.Consumer<String> warnings = warnings();
    int workers = workers(files, configs);
    try {
      List<RunResult> results = new ArrayList<>();
      for (List<RunResult> perTrace : InParallel.map(files, jobs, file -> {
        try (MispredictionFiles.TraceLists sink = lists.open(file)) {
          List<RunResult> listed = new Replay(file, file.toString(), forced, options)
              .warnTo(warnings).spreadOver(workers)
              .run(configs, registry, predictorTimeout.guard(), sink);
          sink.finish(listed);
          return listed;
        }
      })) {
        results.addAll(perTrace);
      }
      lists.commit();
      return results;
    } finally {
      lists.abandon();
    }
  }

  /**
   * Fewer traces than jobs: each trace's predictors are spread over the idle cores, all fed
   * from one decoding of the trace (a stream too).
   */
  private int workers(List<Path> files, List<PredictorConfig> configs) {
    return SplitReplay.workers(files.size(), configs.size(),
        jobs == null ? Runtime.getRuntime().availableProcessors() : jobs);
  }

  private java.util.function.Consumer<String> warnings() {
    PrintWriter err = spec.commandLine().getErr();
    return line -> warn(err, line);
  }

  /** Replay threads warn at once, each on a line of its own. */
  static void warn(PrintWriter err, String line) {
    synchronized (err) {
      err.println("bpsim: warning: " + line);
      err.flush();
    }
  }

  private ReplayOptions replayOptions() {
    if (jobs != null && jobs <= 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--jobs must be > 0, not " + jobs);
    }
    if (warmupInstructions < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--warmup-instructions must be >= 0, not " + warmupInstructions);
    }
    if (maxInstructions != null && maxInstructions <= 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--max-instructions must be > 0, not " + maxInstructions);
    }
    if (instructions != null && instructions <= 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--instructions must be > 0, not " + instructions);
    }
    return new ReplayOptions(warmupInstructions,
        maxInstructions == null ? Long.MAX_VALUE : maxInstructions,
        instructions == null ? OptionalLong.empty() : OptionalLong.of(instructions));
  }

  private ResultFormat parseFormat(String text) {
    try {
      return ResultFormat.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--format must be table, csv or json, not '" + text + "'");
    }
  }

  private TraceFormat parseTraceFormat(String text) {
    try {
      return TraceFormat.ofId(text);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--trace-format: " + e.getMessage());
    }
  }

  /** Throughput goes to standard error so that piped results stay clean. */
  private void printThroughput(List<RunResult> results, int predictorCount, double seconds) {
    long branches = 0;
    long conditionals = 0;
    for (int i = 0; i < results.size(); i += predictorCount) {
      branches += results.get(i).branches();
      conditionals += results.get(i).conditionalBranches();
    }
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT,
        "replayed %,d branches (%,d conditional) x %d predictor(s) in %.2f s: "
            + "%.1f M branches/s%n",
        branches, conditionals, predictorCount, seconds, branches / seconds / 1e6);
    err.flush();
  }
}
