package org.bpsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bpsim.job.RunJob;
import org.bpsim.job.RunOptions;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.replay.ReplayOptions;
import org.bpsim.replay.RunResult;
import org.bpsim.report.ReplayThroughput;
import org.bpsim.report.ResultFormat;
import org.bpsim.trace.TraceFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bpsim run}: replays traces through predictors and prints accuracy and MPKI. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Replay branch traces through one or more predictors, each trace decoded once.",
        "Conditional branches are predicted then learnt at once (CBP-2016 semantics); other "
            + "branches only update predictor state.",
        "Without -t, replays the bundled sample traces. Formats: table, csv or json."})
public final class RunCommand implements Callable<Integer> {
  static final List<String> DEFAULT_PREDICTORS = List.of("bimodal", "gshare");

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;
  @Mixin
  TraceOptions traces = new TraceOptions();
  @Mixin
  WindowOptions window = new WindowOptions();
  @Mixin
  OutputOptions output = new OutputOptions();
  @Mixin
  JobOptions jobs = new JobOptions();
  @Mixin
  TraceReadingOptions reading = new TraceReadingOptions();
  @Mixin
  PluginOptions pluginOptions = new PluginOptions();

  @Option(names = {"-p", "--predictor"}, paramLabel = "SPEC",
      description = "Predictor spec name[:key=value,...] (repeatable). Default: "
          + "bimodal and gshare. See 'bpsim predictors'.")
  List<String> predictors = new ArrayList<>();

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
    ResultFormat format = ResultFormat.valueOf(
        output.format(OutputFormat.TABLE, OutputFormat.CSV, OutputFormat.JSON).name());
    PrintWriter err = spec.commandLine().getErr();
    PredictorRegistry registry = pluginOptions.registry(err);
    List<PredictorConfig> configs = new ArrayList<>();
    for (String text : predictors.isEmpty() ? DEFAULT_PREDICTORS : predictors) {
      configs.add(registry.resolve(text));
    }
    Integer cores = jobs.jobs();
    ReplayOptions replay = window.replay(0, null, reading.instructions());
    TraceFormat forced = reading.format();
    List<Path> files = traces.checked(forced, null);
    output.checkTarget(files);
    RunOptions options = new RunOptions(files, forced, registry, configs, replay, cores,
        jobs.guard(), mispredictions);

    long started = System.nanoTime();
    List<RunResult> results;
    if (System.console() == null) {
      results = RunJob.run(options, ProgressDisplay.warningsTo(err));
    } else {
      // On a terminal, a progress line: above all for a stream, which may never end.
      try (ProgressDisplay progress = ProgressDisplay.over(err, true, files)) {
        results = RunJob.run(options, progress);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    output.write(format.render(results));
    err.print(ReplayThroughput.line(results, configs.size(), seconds)); // keeps stdout clean
    err.flush();
    return PredictorFailures.report(results, err);
  }
}
