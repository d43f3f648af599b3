package org.bpsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bpsim.cache.Cache;
import org.bpsim.cache.CacheHierarchy;
import org.bpsim.cache.CacheRun;
import org.bpsim.cache.CacheStats;
import org.bpsim.cache.HierarchyConfig;
import org.bpsim.cache.HierarchyJson;
import org.bpsim.cache.Inclusion;
import org.bpsim.cache.replacement.ReplacementPolicies;
import org.bpsim.cache.replacement.ReplacementPolicyProvider;
import org.bpsim.cache.report.CourseReport;
import org.bpsim.machine.Machines;
import org.bpsim.output.AtomicFiles;
import org.bpsim.error.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bpsim cache}: replays a trace's data accesses through a cache hierarchy only. */
@Command(name = "cache", mixinStandardHelpOptions = true,
    description = {"Replay the data accesses of a memory trace ('r|w <address-hex>' a line, or "
        + "the loads and stores of a CBP-2025 or ChampSim trace) through a write-back, "
        + "write-allocate cache hierarchy.",
        "The hierarchy comes from a machine file (--machine) or from the options below "
            + "(an L1 and an optional L2). See docs/caches.md for the access semantics."})
public final class CacheCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = {"-t", "--trace"}, paramLabel = "MEMTRACE",
      description = "Memory trace file (required unless --list-policies).")
  Path trace;

  @Option(names = "--machine", paramLabel = "PRESET|FILE",
      description = "Machine preset (see 'bpsim configs': its data caches) or JSON file whose "
          + "\"caches\" object describes the hierarchy.")
  Path machine;

  @Option(names = "--block-size", paramLabel = "BYTES", defaultValue = "64",
      description = "Line size of every level (default: ${DEFAULT-VALUE}).")
  int blockSize;

  @Option(names = "--l1-size", paramLabel = "BYTES", defaultValue = "32768",
      description = "L1 size (default: ${DEFAULT-VALUE}).")
  long l1Size;

  @Option(names = "--l1-assoc", paramLabel = "WAYS", defaultValue = "8",
      description = "L1 associativity (default: ${DEFAULT-VALUE}).")
  int l1Assoc;

  @Option(names = "--l2-size", paramLabel = "BYTES", defaultValue = "0",
      description = "L2 size; 0 for no L2 (default: ${DEFAULT-VALUE}).")
  long l2Size;

  @Option(names = "--l2-assoc", paramLabel = "WAYS", defaultValue = "0",
      description = "L2 associativity (default: ${DEFAULT-VALUE}).")
  int l2Assoc;

  @Option(names = "--replacement", paramLabel = "POLICY", defaultValue = "lru",
      description = "Replacement policy of every level, name[:key=value,...]: "
          + "lru, fifo, random, srrip, brrip, drrip, optimal (default: ${DEFAULT-VALUE}).")
  String replacement;

  @Option(names = "--inclusion", paramLabel = "POLICY", defaultValue = "non-inclusive",
      description = "Last level's inclusion: non-inclusive, inclusive, exclusive "
          + "(default: ${DEFAULT-VALUE}).")
  String inclusion;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "report",
      description = "report (the course simulator's layout, with contents; one or two levels) "
          + "or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the results to FILE (atomically) instead of standard output.")
  Path output;

  @Option(names = "--list-policies", description = "List the replacement policies and exit.")
  boolean listPolicies;

  @Override
  public Integer call() throws Exception {
    ReplacementPolicies policies = ReplacementPolicies.builtIn();
    if (listPolicies) {
      PrintWriter out = spec.commandLine().getOut();
      for (ReplacementPolicyProvider provider : policies.providers()) {
        out.printf(Locale.ROOT, "%-10s %s%n", provider.name(), provider.description());
      }
      out.flush();
      return ExitCodes.OK;
    }
    if (trace == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--trace'");
    }
    String chosenFormat = format.toLowerCase(Locale.ROOT);
    if (!chosenFormat.equals("report") && !chosenFormat.equals("json")) {
      throw new ParameterException(spec.commandLine(),
          "--format must be report or json, not '" + format + "'");
    }
    HierarchyConfig config;
    if (machine == null) {
      config = fromOptions();
    } else if (Machines.PRESETS.contains(machine.toString())) {
      config = Machines.preset(machine.toString()).dataCaches();
    } else {
      config = HierarchyJson.read(machine);
    }
    if (chosenFormat.equals("report") && !CourseReport.fits(config)) {
      throw new UserException("the report layout shows at most two levels; use --format json");
    }
    if (!Files.isRegularFile(trace)) {
      throw new UserException(trace + ": no such file");
    }
    CacheHierarchy hierarchy = new CacheRun(config, policies).run(trace);
    String text = chosenFormat.equals("report")
        ? CourseReport.render(config, trace.getFileName().toString(), hierarchy)
        : json(config, hierarchy);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      AtomicFiles.write(output, text);
    }
    return ExitCodes.OK;
  }

  private HierarchyConfig fromOptions() {
    Inclusion parsedInclusion;
    try {
      parsedInclusion = Inclusion.ofId(inclusion);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--inclusion: " + e.getMessage());
    }
    if (l2Size < 0 || (l2Size > 0 && l2Assoc <= 0)) {
      throw new ParameterException(spec.commandLine(),
          "an L2 needs --l2-size > 0 and --l2-assoc > 0");
    }
    try {
      return HierarchyConfig.course(blockSize, l1Size, l1Assoc, l2Size, l2Assoc, replacement,
          parsedInclusion);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private String json(HierarchyConfig config, CacheHierarchy hierarchy) throws Exception {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("trace", trace.toString());
    root.put("inclusion", config.inclusion().id());
    root.put("lineBytes", config.lineBytes());
    List<Map<String, Object>> levels = new ArrayList<>();
    for (Cache cache : hierarchy.levels()) {
      CacheStats stats = cache.stats();
      Map<String, Object> level = new LinkedHashMap<>();
      level.put("name", stats.name());
      level.put("sizeBytes", cache.config().sizeBytes());
      level.put("ways", cache.config().ways());
      level.put("sets", cache.sets());
      level.put("replacement", cache.config().replacement());
      level.put("reads", stats.reads());
      level.put("readMisses", stats.readMisses());
      level.put("writes", stats.writes());
      level.put("writeMisses", stats.writeMisses());
      level.put("missRate", stats.missRate());
      level.put("writebacks", stats.writebacks());
      level.put("backInvalidations", stats.backInvalidations());
      levels.add(level);
    }
    root.put("levels", levels);
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("reads", hierarchy.memoryReads());
    memory.put("writes", hierarchy.memoryWrites());
    memory.put("traffic", hierarchy.memoryTraffic());
    root.put("memory", memory);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(root) + "\n";
  }
}
