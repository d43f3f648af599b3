package org.bpsim.sweep;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.SpecException;
import org.bpsim.replay.ReplayOptions;
import org.bpsim.error.UserException;
import org.bpsim.trace.TraceFormat;

/**
 * A spec resolved against the file system and the predictor registry: the trace files in order
 * (spec order, then by name within a folder or glob), their names in the results, the canonical
 * configurations, and the tasks, one per (trace, configuration), trace-major.
 */
public record SweepPlan(List<Path> traces, List<String> traceNames,
    List<PredictorConfig> configs, List<SweepSpec.GridPoint> points, ReplayOptions options,
    TraceFormat traceFormat) {

  /** One (trace, configuration): indices into {@link #traces()} and {@link #configs()}. */
  public record Task(int trace, int config) {
    /** The task's name in the output folder and in messages. */
    public String id() {
      return String.format(Locale.ROOT, "t%04d-c%04d", trace, config);
    }
  }

  /**
   * Resolves {@code spec}; names traces with {@code namer} (the shortest distinguishing tail).
   * Missing traces and bad predictor specs are all named in one exception, before anything runs.
   */
  public static SweepPlan resolve(SweepSpec spec, PredictorRegistry registry,
      ReplayOptions options, TraceFormat traceFormat, Function<List<Path>, List<String>> namer)
      throws IOException {
    List<String> problems = new ArrayList<>();
    Path base = spec.file().toAbsolutePath().getParent();
    Set<Path> files = new LinkedHashSet<>();
    for (String entry : spec.traces()) {
      List<Path> found = expand(base, entry);
      if (found.isEmpty()) {
        problems.add("trace " + entry + ": no such file, or no trace files there");
      }
      for (Path f : found) {
        files.add(f.toAbsolutePath().normalize());
      }
    }
    List<PredictorConfig> configs = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (SweepSpec.GridPoint point : spec.predictors()) {
      try {
        PredictorConfig config = registry.resolve(point.spec());
        if (!seen.add(config.canonicalSpec())) {
          problems.add("predictor " + point.spec() + " is listed twice (as "
              + config.canonicalSpec() + ")");
        }
        configs.add(config);
      } catch (SpecException e) {
        problems.add("predictor " + point.spec() + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new UserException(spec.file() + ": " + String.join("; ", problems));
    }
    List<Path> traces = List.copyOf(files);
    return new SweepPlan(traces, List.copyOf(namer.apply(traces)), List.copyOf(configs),
        spec.predictors(), options, traceFormat);
  }

  /** Every task, trace-major then in configuration (grid) order: the rows' order. */
  public List<Task> tasks() {
    List<Task> tasks = new ArrayList<>(traces.size() * configs.size());
    for (int t = 0; t < traces.size(); t++) {
      for (int c = 0; c < configs.size(); c++) {
        tasks.add(new Task(t, c));
      }
    }
    return tasks;
  }

  /**
   * What makes two sweeps the same sweep: trace names, canonical configurations and the window.
   * An output folder remembers it and refuses a different one.
   */
  public String fingerprint() {
    StringBuilder out = new StringBuilder("{\"traces\": [");
    for (int i = 0; i < traceNames.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(quote(traceNames.get(i)));
    }
    out.append("],\n \"predictors\": [");
    for (int i = 0; i < configs.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(quote(configs.get(i).canonicalSpec()));
    }
    out.append("],\n \"grid\": [");
    for (int i = 0; i < points.size(); i++) {
      SweepSpec.GridPoint point = points.get(i);
      out.append(i == 0 ? "" : ", ");
      if (point.grid() == null) {
        out.append("null");
        continue;
      }
      out.append("{\"name\": ").append(quote(point.grid())).append(", \"keys\": {");
      int k = 0;
      for (var entry : point.keys().entrySet()) {
        out.append(k++ == 0 ? "" : ", ").append(quote(entry.getKey())).append(": ")
            .append(quote(entry.getValue()));
      }
      out.append("}}");
    }
    out.append("],\n \"warmup_instructions\": ").append(options.warmupInstructions())
        .append(",\n \"max_instructions\": ")
        .append(options.maxInstructions() == Long.MAX_VALUE ? "null" : options.maxInstructions())
        .append(",\n \"instructions\": ")
        .append(options.instructions().isPresent() ? options.instructions().getAsLong() : "null")
        .append(",\n \"trace_format\": ")
        .append(traceFormat == null ? "null" : quote(traceFormat.id())).append("}\n");
    return out.toString();
  }

  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** A file, a folder (its trace files by name) or a glob (its matches by name). */
  private static List<Path> expand(Path base, String entry) throws IOException {
    boolean glob = entry.indexOf('*') >= 0 || entry.indexOf('?') >= 0 || entry.indexOf('[') >= 0;
    Path path = base.resolve(glob ? "" : entry);
    if (!glob) {
      if (Files.isDirectory(path)) {
        return list(path, p -> true);
      }
      return Files.isRegularFile(path) ? List.of(path) : List.of();
    }
    Path pattern = base.resolve(entry).normalize();
    Path folder = pattern.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:"
        + pattern.getFileName().toString());
    return list(folder, p -> matcher.matches(p.getFileName()));
  }

  private static List<Path> list(Path folder, java.util.function.Predicate<Path> keep)
      throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(SweepPlan::looksLikeTrace)
          .filter(keep)
          .sorted()
          .toList();
    }
  }

  /** As {@code run -t DIR}: folders hold notes and manifests beside their traces. */
  private static boolean looksLikeTrace(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return !(name.endsWith(".md") || name.endsWith(".json") || name.endsWith(".sh")
        || name.endsWith(".csv") || name.endsWith(".sha256"));
  }
}
