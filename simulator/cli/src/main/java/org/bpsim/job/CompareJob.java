package org.bpsim.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.bpsim.pipeline.LlcMode;
import org.bpsim.pipeline.PredictorFailure;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.replay.BranchStatistics;
import org.bpsim.replay.InParallel;
import org.bpsim.replay.Replay;
import org.bpsim.replay.RunResult;
import org.bpsim.replay.TraceHardestBranches;
import org.bpsim.report.Comparison;
import org.bpsim.report.MultiCoreFigures;
import org.bpsim.report.PipelineCoreFigures;
import org.bpsim.report.PipelineFigures;
import org.bpsim.report.Provenance;
import org.bpsim.report.TraceChecksum;
import org.bpsim.trace.TraceContent;
import org.bpsim.trace.TraceOpener;

/**
 * {@code bpsim compare}: every trace replayed once for all predictors (traces in parallel), its
 * hardest branches and checksum taken, and with a machine the timing model run on it for every
 * predictor; then the first traces that carry instructions together, with the baseline.
 */
public final class CompareJob {
  /** At most this many traces run together in the multi-core comparison. */
  public static final int MAX_CORES = ComparePipeline.MAX_CORES;

  private final CompareOptions options;
  private final ComparePipeline pipeline;

  /** Refuses at once, with one line, a machine the timing model cannot build. */
  public CompareJob(CompareOptions options) {
    this.options = options;
    if (options.machine() == null) {
      pipeline = null;
    } else {
      pipeline = new ComparePipeline(options.machine(), options.registry(), options.guard(),
          options.window());
      pipeline.check(options.predictors().get(0));
    }
  }

  /** The timing model's figures, and whether the baseline failed in its multi-core run. */
  private record Timing(Optional<PipelineFigures> figures, boolean multiCoreFailed) {
  }

  /** What one trace yields; {@code pipeline} is null when the model did not run it. */
  private record TraceOutcome(List<RunResult> results, TraceHardestBranches hardest,
      TraceChecksum checksum, List<PipelineCoreFigures> pipeline) {
  }

  /** Each file once (the first time it is named), however it is spelled. */
  public static List<Path> distinct(List<Path> files) {
    LinkedHashSet<Path> seen = new LinkedHashSet<>();
    List<Path> unique = new ArrayList<>();
    for (Path file : files) {
      if (seen.add(file.toAbsolutePath().normalize())) {
        unique.add(file);
      }
    }
    return unique;
  }

  /** The comparison of {@code files} (distinct regular files, already checked). */
  public CompareOutcome run(List<Path> files, JobListener listener)
      throws IOException, InterruptedException {
    List<String> names = TraceNames.of(files);
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      indexes.add(i);
    }
    List<TraceOutcome> outcomes = InParallel.map(indexes, options.jobs(),
        i -> replayOne(files.get(i), names.get(i), listener));
    List<RunResult> results = new ArrayList<>();
    List<TraceHardestBranches> hardest = new ArrayList<>();
    List<TraceChecksum> checksums = new ArrayList<>();
    for (TraceOutcome outcome : outcomes) {
      results.addAll(outcome.results());
      hardest.add(outcome.hardest());
      checksums.add(outcome.checksum());
    }
    Provenance provenance = Provenance.now(options.commandLine(), options.version(), checksums);
    Timing timing = pipeline == null ? new Timing(Optional.empty(), false)
        : timing(files, names, outcomes, listener);
    PredictorConfig baseline = options.predictors().get(0);
    return new CompareOutcome(new Comparison(results, baseline.canonicalSpec(), hardest,
        provenance, timing.figures()), timing.multiCoreFailed());
  }

  /**
   * The single-core figures the trace tasks produced, and the multi-core run of the first traces
   * that carry instructions (as many as {@link ComparePipeline#cores} allows), with the baseline.
   */
  private Timing timing(List<Path> files, List<String> names, List<TraceOutcome> outcomes,
      JobListener listener) throws IOException, InterruptedException {
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
    List<LlcMode> modes = options.llcModes();
    int cores = Math.max(0, pipeline.cores(together.size(), modes));
    PredictorConfig baseline = options.predictors().get(0);
    List<MultiCoreFigures> multiCore = List.of();
    boolean multiCoreFailed = false;
    if (cores >= 2 && outcomes.stream().anyMatch(o -> o.results().get(0).failed())) {
      // The multi-core run uses the baseline; its failure is already named per trace.
      listener.note("compare: timing model: no multi-core run, the baseline predictor "
          + baseline.canonicalSpec() + " failed");
    } else if (cores >= 2) {
      listener.note("compare: timing model, " + cores + " cores together, LLC "
          + String.join(" and ", modes.stream().map(LlcMode::id).toList()) + " ...");
      try {
        multiCore = pipeline.multiCore(together.subList(0, cores),
            togetherNames.subList(0, cores), baseline, modes, options.jobs());
      } catch (PredictorFailure failure) {
        listener.note("bpsim: predictor " + baseline.canonicalSpec() + " failed on "
            + failure.trace() + " in the multi-core run: " + failure.getMessage());
        multiCoreFailed = true;
      }
    }
    return new Timing(Optional.of(new PipelineFigures(pipeline.machine().name(), singleCore,
        multiCore, skipped)), multiCoreFailed);
  }

  private TraceOutcome replayOne(Path file, String name, JobListener listener)
      throws IOException {
    long started = System.nanoTime();
    List<PredictorConfig> configs = options.predictors();
    List<String> specs = configs.stream().map(PredictorConfig::canonicalSpec).toList();
    BranchStatistics statistics = new BranchStatistics(configs.size());
    List<RunResult> results = new ArrayList<>(new Replay(file, name, null, options.window())
        .warnTo(listener::warn)
        .run(configs, options.registry(), statistics, listener::replayed, options.guard()));
    TraceHardestBranches hardest = statistics.hardest(name, specs, 0, options.top());
    TraceChecksum checksum = new TraceChecksum(name, Checksums.sha256(file));
    List<PipelineCoreFigures> timing = null;
    if (pipeline != null && TraceOpener.provides(file, TraceContent.INSTRUCTIONS)) {
      timing = new ArrayList<>();
      for (int p = 0; p < configs.size(); p++) {
        // A predictor that failed the replay (a faulty plugin) is already reported there.
        if (results.get(p).failed()) {
          continue;
        }
        try {
          timing.add(pipeline.singleCore(file, name, configs.get(p)));
        } catch (PredictorFailure failure) {
          results.set(p, results.get(p).failedWith(failure.getMessage() + " in the timing model"));
        }
      }
    }
    listener.traceFinished(name, Files.size(file), results.get(0).branches(),
        (System.nanoTime() - started) / 1e9);
    return new TraceOutcome(results, hardest, checksum, timing);
  }
}
