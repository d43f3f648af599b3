package org.bpsim.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.report.Provenance;
import org.bpsim.report.ReportFiles;
import org.bpsim.replay.RunResult;
import org.bpsim.report.SweepReport;
import org.bpsim.job.TraceNames;
import org.bpsim.sweep.Shards;
import org.bpsim.sweep.SlurmSubmission;
import org.bpsim.sweep.SweepEngine;
import org.bpsim.sweep.SweepFolder;
import org.bpsim.sweep.SweepMerge;
import org.bpsim.sweep.SweepPlan;
import org.bpsim.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bpsim sweep}: parses options, calls the sweep engine ({@code org.bpsim.sweep}) and
 * prints what it did. See docs/sweeps.md.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Run a design-space sweep (a JSON spec of traces and predictor grids) into a "
        + "resumable output folder, on this machine, one shard of it, or on Slurm.",
        "Re-running the same command runs only the tasks not yet done. See docs/sweeps.md."},
    subcommands = {SweepStatusCommand.class, SweepMergeCommand.class})
public final class SweepCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.Mixin
  PluginOptions pluginOptions = new PluginOptions();

  @Parameters(paramLabel = "SPEC", arity = "0..1", description = "The sweep spec (JSON).")
  Path specFile;

  @Option(names = "--out", paramLabel = "DIR", description = "The sweep folder (required).")
  Path out;

  @Option(names = "--shard", paramLabel = "I/N",
      description = "Run only shard I (0-based) of N; exits 0 even if tasks failed (recorded).")
  String shard;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Cores to use (default: all): traces replay in parallel, and with fewer "
          + "traces than N each trace's configurations are spread over the cores, the trace "
          + "still decoded once.")
  Integer jobs;

  @picocli.CommandLine.Mixin
  WindowOptions window = new WindowOptions();

  @picocli.CommandLine.Mixin
  TraceReadingOptions reading = new TraceReadingOptions();

  @picocli.CommandLine.Mixin
  SlurmOptions slurm = new SlurmOptions();

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if (specFile == null) {
      throw new ParameterException(spec.commandLine(), "name a sweep spec (SPEC), or a "
          + "subcommand: status, merge");
    }
    if (out == null) {
      throw new ParameterException(spec.commandLine(), "--out DIR is required");
    }
    if (!slurm.slurm && (slurm.await || slurm.tasks != null)) {
      throw new ParameterException(spec.commandLine(), "--wait and --tasks need --slurm");
    }
    if (slurm.slurm && shard != null) {
      throw new ParameterException(spec.commandLine(), "--shard and --slurm exclude each other");
    }
    int[] shardOf = shard == null ? null : parseShard(shard);
    PredictorRegistry registry = pluginOptions.registry(err);
    SweepSpec sweepSpec = SweepSpec.read(specFile);
    SweepPlan plan = SweepPlan.resolve(sweepSpec, registry, window.replay(
        sweepSpec.warmupInstructions(), sweepSpec.maxInstructions(), reading.instructions()),
        reading.format(), TraceNames::of);
    SweepFolder folder = SweepFolder.create(out, plan);
    List<SweepPlan.Task> all = plan.tasks();
    if (slurm.slurm) {
      return submit(folder, plan, all.size(), stdout, err);
    }
    List<SweepPlan.Task> mine = shardOf == null ? all : Shards.of(all, shardOf[0], shardOf[1]);
    long started = System.nanoTime();
    SweepEngine.Outcome outcome = SweepEngine.run(plan, folder, mine, registry, jobs,
        line -> {
          err.println("sweep: " + line);
          err.flush();
        });
    err.printf(java.util.Locale.ROOT, "sweep: ran %d task(s) (%d failed), %d already done, in "
        + "%.2f s%n", outcome.ran(), outcome.failed(), outcome.skipped(),
        (System.nanoTime() - started) / 1e9);
    err.flush();
    if (shardOf != null) {
      return ExitCodes.OK;
    }
    List<RunResult> rows = SweepMerge.merge(folder, provenance(spec));
    return finish(folder, rows, stdout, err);
  }

  static int finish(SweepFolder folder, List<RunResult> rows, PrintWriter stdout,
      PrintWriter err) {
    stdout.println("results: " + folder.root().resolve(ReportFiles.RESULTS_JSON));
    stdout.println("report: " + folder.root().resolve(SweepFolder.REPORT)
        .resolve(SweepReport.PAGE));
    stdout.flush();
    return PredictorFailures.report(rows, err);
  }

  private int submit(SweepFolder folder, SweepPlan plan, int taskCount, PrintWriter stdout,
      PrintWriter err) throws Exception {
    int shards = slurm.tasks != null ? slurm.tasks : Math.min(100, plan.traces().size());
    if (shards < 1) {
      throw new ParameterException(spec.commandLine(), "--tasks must be >= 1, not " + shards);
    }
    shards = Math.min(shards, taskCount);
    List<String> launch = launcher();
    List<String> shardCommand = new ArrayList<>(launch);
    shardCommand.addAll(List.of("sweep", specFile.toAbsolutePath().normalize().toString(),
        "--out", folder.root().toString()));
    if (jobs != null) {
      shardCommand.addAll(List.of("-j", jobs.toString()));
    }
    for (Path plugin : pluginOptions.plugins) {
      shardCommand.addAll(List.of("--plugin", plugin.toAbsolutePath().normalize().toString()));
    }
    addIfSet(shardCommand, "--warmup-instructions", window.warmupInstructions);
    addIfSet(shardCommand, "--max-instructions", window.maxInstructions);
    addIfSet(shardCommand, "--instructions", reading.instructions);
    addIfSet(shardCommand, "--trace-format", reading.traceFormat);
    List<String> mergeCommand = new ArrayList<>(launch);
    mergeCommand.addAll(List.of("sweep", "merge", folder.root().toString()));
    SlurmSubmission submission = new SlurmSubmission(folder, shardCommand, mergeCommand, shards,
        slurm.sbatchOptions());
    SlurmSubmission.Jobs ids = submission.submit();
    stdout.println("array job " + ids.array() + " (" + shards + " shards of " + taskCount
        + " tasks), merge job " + ids.merge() + " (afterok)");
    stdout.println("scripts: " + submission.slurmFolder());
    stdout.flush();
    if (!slurm.await) {
      return ExitCodes.OK;
    }
    SlurmSubmission.Ending ending = submission.await(ids, line -> {
      err.println("sweep: " + line);
      err.flush();
    });
    if (ending.exitCode() != ExitCodes.OK) {
      err.println("bpsim: " + ending.message());
      err.flush();
    } else {
      stdout.println(ending.message());
      stdout.flush();
    }
    return ending.exitCode();
  }

  /** The same java, JVM options and bpsim jar (or class path) as this process. */
  static List<String> launcher() {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    Path code;
    try {
      code = Paths.get(SweepCommand.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (Files.isRegularFile(code) && code.toString().endsWith(".jar")) {
      command.addAll(List.of("-jar", code.toString()));
    } else {
      command.addAll(List.of("-cp", System.getProperty("java.class.path"),
          Main.class.getName()));
    }
    return command;
  }

  private static void addIfSet(List<String> command, String option, Object value) {
    if (value != null) {
      command.addAll(List.of(option, value.toString()));
    }
  }

  private int[] parseShard(String text) {
    String[] parts = text.split("/", -1);
    try {
      if (parts.length == 2) {
        int i = Integer.parseInt(parts[0]);
        int n = Integer.parseInt(parts[1]);
        if (n >= 1 && i >= 0 && i < n) {
          return new int[] {i, n};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ParameterException(spec.commandLine(),
        "--shard must be I/N with 0 <= I < N, not '" + text + "'");
  }

  static Provenance provenance(picocli.CommandLine.Model.CommandSpec spec) {
    return Provenance.now(CommandLines.of(spec.commandLine().getParseResult().originalArgs()),
        BpsimCommand.version(), List.of());
  }
}
