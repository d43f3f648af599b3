package org.bpsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bpsim.cache.CacheHierarchy;
import org.bpsim.cache.HierarchyConfig;
import org.bpsim.cache.report.CacheJson;
import org.bpsim.cache.report.CourseReport;
import org.bpsim.error.UserException;
import org.bpsim.job.CacheJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bpsim cache}: replays a trace's data accesses through a cache hierarchy only. */
@Command(name = "cache", mixinStandardHelpOptions = true,
    description = {"Replay the data accesses of a memory trace ('r|w <address-hex>' a line, or "
        + "the loads and stores of a CBP-2025 or ChampSim trace) through a write-back, "
        + "write-allocate cache hierarchy. Formats: report (the course simulator's layout, with "
        + "contents; one or two levels) or json.",
        "The hierarchy comes from a machine file (--machine) or from the options below "
            + "(an L1 and an optional L2). See docs/caches.md for the access semantics."})
public final class CacheCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;
  @Mixin
  TraceOptions traces = new TraceOptions();
  @Mixin
  OutputOptions output = new OutputOptions();
  @Mixin
  CourseCacheOptions course = new CourseCacheOptions();

  @Option(names = "--machine", paramLabel = "PRESET|FILE", converter = MachineChoice.Converter.class,
      description = "Machine preset (see 'bpsim configs': its data caches) or JSON file whose "
          + "\"caches\" object describes the hierarchy.")
  MachineChoice machine;

  @Option(names = "--list-policies", description = "List the replacement policies and exit.")
  boolean listPolicies;

  @Override
  public Integer call() throws Exception {
    if (listPolicies) {
      PrintWriter out = spec.commandLine().getOut();
      for (CacheJob.Policy policy : CacheJob.policies()) {
        out.printf(Locale.ROOT, "%-10s %s%n", policy.name(), policy.description());
      }
      out.flush();
      return ExitCodes.OK;
    }
    List<Path> files = traces.regularFiles("the optimal policy may read the trace more than once");
    if (files.size() != 1) {
      throw new ParameterException(spec.commandLine(),
          "cache replays one memory trace, not " + files.size());
    }
    OutputFormat format = output.format(OutputFormat.REPORT, OutputFormat.JSON);
    HierarchyConfig config = machine == null ? course.hierarchy() : machine.dataCaches();
    if (format == OutputFormat.REPORT && !CourseReport.fits(config)) {
      throw new UserException("the report layout shows at most two levels; use --format json");
    }
    output.checkTarget(files);
    Path trace = files.get(0);
    CacheHierarchy hierarchy = CacheJob.run(config, trace);
    output.write(format == OutputFormat.REPORT
        ? CourseReport.render(config, trace.getFileName().toString(), hierarchy)
        : CacheJson.render(config, trace.toString(), hierarchy));
    return ExitCodes.OK;
  }
}
