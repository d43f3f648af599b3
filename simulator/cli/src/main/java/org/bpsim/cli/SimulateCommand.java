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
import org.bpsim.machine.MachineConfig;
import org.bpsim.machine.Machines;
import org.bpsim.output.AtomicFiles;
import org.bpsim.pipeline.CoreResult;
import org.bpsim.pipeline.Idealization;
import org.bpsim.pipeline.LevelResult;
import org.bpsim.pipeline.LlcMode;
import org.bpsim.pipeline.PredictorFailure;
import org.bpsim.pipeline.Simulation;
import org.bpsim.pipeline.SimulationResult;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.error.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bpsim simulate}: the pipeline timing model, one trace per core. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Simulate cores running traces (one -t per core) under the dataflow timing "
        + "model with a cache hierarchy; see docs/pipeline.md.",
        "Traces must carry every instruction and its memory addresses (CBP-2025 kit or "
            + "ChampSim traces)."})
public final class SimulateCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.Mixin
  PluginOptions pluginOptions = new PluginOptions();

  @picocli.CommandLine.Mixin
  PredictorTimeoutOption predictorTimeout = new PredictorTimeoutOption();

  @Option(names = {"-t", "--trace"}, paramLabel = "TRACE", required = true,
      description = "Trace of one core (repeat for more cores).")
  List<Path> traces = new ArrayList<>();

  @Option(names = {"-p", "--predictor"}, paramLabel = "SPEC", defaultValue = "gshare",
      description = "Direction predictor of every core (default: ${DEFAULT-VALUE}).")
  String predictor;

  @Option(names = "--machine", paramLabel = "PRESET|FILE", defaultValue = "cbp2025",
      description = "Machine preset (see 'bpsim configs') or JSON file (default: "
          + "${DEFAULT-VALUE}).")
  String machine;

  @Option(names = "--llc", paramLabel = "MODE", defaultValue = "shared",
      description = "shared (one LLC for all cores), private (size/N each) or both "
          + "(default: ${DEFAULT-VALUE}).")
  String llc;

  @Option(names = "--shared-address-space",
      description = "Do not keep the cores' addresses apart (they then share data).")
  boolean sharedAddressSpace;

  @Option(names = "--perfect-branches",
      description = "Limit study: every branch direction and target is predicted right.")
  boolean perfectBranches;

  @Option(names = "--perfect-caches",
      description = "Limit study: every instruction and data access hits at no cost.")
  boolean perfectCaches;

  @Option(names = "--warmup-instructions", paramLabel = "N", defaultValue = "0",
      description = "Instructions per core simulated before counting starts.")
  long warmup;

  @Option(names = "--max-instructions", paramLabel = "N",
      description = "Counted instructions per core (default: the whole trace).")
  Long maxInstructions;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the results to FILE (atomically) instead of standard output.")
  Path output;

  @Override
  public Integer call() throws Exception {
    String chosenFormat = format.toLowerCase(Locale.ROOT);
    if (!chosenFormat.equals("table") && !chosenFormat.equals("json")) {
      throw new ParameterException(spec.commandLine(),
          "--format must be table or json, not '" + format + "'");
    }
    if (output != null) {
      AtomicFiles.checkTarget(output); // a folder given as -o is refused before the run
    }
    List<LlcMode> modes;
    try {
      modes = LlcMode.named(llc);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (warmup < 0) {
      throw new ParameterException(spec.commandLine(), "--warmup-instructions must be >= 0");
    }
    if (maxInstructions != null && maxInstructions <= 0) {
      throw new ParameterException(spec.commandLine(), "--max-instructions must be > 0");
    }
    for (Path trace : traces) {
      if (!Files.isRegularFile(trace)) {
        throw new UserException(trace + (Files.exists(trace) ? ": needs a regular file, not a "
            + "pipe, FIFO or device (the timing model may read a trace more than once)"
            : ": no such file"));
      }
    }
    MachineConfig machineConfig = Machines.load(machine);
    PredictorRegistry registry = pluginOptions.registry(spec.commandLine().getErr());
    PredictorConfig predictorConfig = registry.resolve(predictor);
    Simulation simulation = new Simulation(machineConfig, () -> registry.create(predictorConfig),
        !sharedAddressSpace, warmup, maxInstructions == null ? Long.MAX_VALUE : maxInstructions,
        new Idealization(perfectBranches, perfectCaches)).guardedBy(predictorTimeout.guard());
    List<SimulationResult> results = new ArrayList<>();
    try {
      for (LlcMode mode : modes) {
        results.add(simulation.runWithBaselines(traces, mode, predictorConfig.label()));
      }
    } catch (PredictorFailure failure) {
      // As in run and compare: named on one line, exit code 3; nothing is written.
      PrintWriter err = spec.commandLine().getErr();
      err.println("bpsim: predictor " + predictorConfig.canonicalSpec() + " failed on "
          + failure.trace() + ": " + failure.getMessage());
      err.flush();
      return ExitCodes.PREDICTOR_FAILED;
    }
    warnEmptyWindows(results);
    String text = chosenFormat.equals("json") ? json(results) : table(results);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      AtomicFiles.write(output, text);
    }
    return ExitCodes.OK;
  }

  /**
   * A warmup that covers a whole trace counts nothing there: as {@code run} does, the run goes
   * on, its rates are n/a (null in JSON), and standard error says so, once per trace.
   */
  private void warnEmptyWindows(List<SimulationResult> results) {
    java.util.Set<String> warned = new java.util.LinkedHashSet<>();
    for (SimulationResult result : results) {
      for (CoreResult core : result.cores()) {
        if (core.instructions() == 0 && warned.add(core.trace())) {
          RunCommand.warn(spec.commandLine().getErr(), core.trace() + ": the warmup of " + warmup
              + " instructions covers the whole trace, so nothing is counted; IPC and MPKI are "
              + "n/a");
        }
      }
    }
  }

  /** {@code value} in {@code format}, or "n/a" padded to the same width when it is NaN. */
  private static String number(String format, double value) {
    if (!Double.isNaN(value)) {
      return String.format(Locale.ROOT, format, value);
    }
    int width = format.matches("%\\d+.*") ? Integer.parseInt(format.replaceAll("%(\\d+).*",
        "$1")) : 0;
    return width == 0 ? "n/a" : String.format(Locale.ROOT, "%" + width + "s", "n/a");
  }

  static String table(List<SimulationResult> results) {
    StringBuilder out = new StringBuilder();
    for (SimulationResult result : results) {
      out.append(String.format(Locale.ROOT, "machine %s, predictor %s, LLC %s%n",
          result.machine(), result.predictor(), result.mode().id()));
      out.append(String.format(Locale.ROOT, "%-4s %12s %12s %7s %9s %8s %8s %8s  %s%n", "core",
          "instructions", "cycles", "ipc", "ipc_alone", "dir_misp", "tgt_misp", "br_mpki",
          "cache mpki"));
      for (int i = 0; i < result.cores().size(); i++) {
        CoreResult core = result.cores().get(i);
        StringBuilder mpki = new StringBuilder();
        for (LevelResult level : core.instructionLevels().subList(0, 1)) {
          mpki.append(level.name()).append(' ').append(number("%.3f", level.mpki()));
        }
        for (LevelResult level : core.dataLevels()) {
          mpki.append(", ").append(level.name()).append(' ').append(number("%.3f", level.mpki()));
        }
        out.append(String.format(Locale.ROOT, "%-4d %12d %12d %s %s %8d %8d %s  %s%n",
            core.core(), core.instructions(), core.cycles(), number("%7.4f", core.ipc()),
            number("%9.4f", result.ipcAlone().get(i)), core.directionMispredictions(),
            core.targetMispredictions(), number("%8.4f", core.branchMpki()), mpki));
        StringBuilder stack = new StringBuilder();
        for (Map.Entry<String, Double> part : core.cpiStack().entrySet()) {
          stack.append(' ').append(part.getKey()).append(' ')
              .append(number("%.4f", part.getValue()));
        }
        out.append("     CPI stack:").append(stack);
        if (core.llcOccupancy() >= 0) {
          out.append(String.format(Locale.ROOT, "; LLC lines held %d, other cores' lines "
              + "evicted %d", core.llcOccupancy(), core.interCoreEvictions()));
        }
        out.append("  ").append(core.trace()).append('\n');
        StringBuilder byType = new StringBuilder("     mispredictions by type:");
        String separator = " ";
        for (Map.Entry<String, Long> type : core.mispredictionsByType().entrySet()) {
          byType.append(separator).append(type.getKey()).append(' ').append(type.getValue());
          separator = ", ";
        }
        out.append(byType).append('\n');
      }
      out.append("weighted speedup ").append(number("%.4f", result.weightedSpeedup()))
          .append(", harmonic mean speedup ").append(number("%.4f", result.harmonicSpeedup()))
          .append("\n\n");
    }
    if (results.size() == 2) {
      SimulationResult shared = results.get(0);
      SimulationResult separate = results.get(1);
      out.append("shared - private: weighted speedup ").append(number("%+.4f",
          shared.weightedSpeedup() - separate.weightedSpeedup()));
      for (int i = 0; i < shared.cores().size(); i++) {
        out.append(", core ").append(i).append(" ipc ").append(number("%+.4f",
            shared.cores().get(i).ipc() - separate.cores().get(i).ipc()));
      }
      out.append('\n');
    }
    return out.toString();
  }

  static String json(List<SimulationResult> results) throws Exception {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("machine", results.get(0).machine());
    root.put("predictor", results.get(0).predictor());
    List<Object> runs = new ArrayList<>();
    for (SimulationResult result : results) {
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("llc", result.mode().id());
      run.put("weightedSpeedup", result.weightedSpeedup());
      run.put("harmonicSpeedup", result.harmonicSpeedup());
      List<Object> cores = new ArrayList<>();
      for (int i = 0; i < result.cores().size(); i++) {
        CoreResult core = result.cores().get(i);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("core", core.core());
        c.put("trace", core.trace());
        c.put("instructions", core.instructions());
        c.put("cycles", core.cycles());
        c.put("ipc", core.ipc());
        c.put("ipcAlone", result.ipcAlone().get(i));
        Map<String, Object> branches = new LinkedHashMap<>();
        branches.put("conditional", core.conditionalBranches());
        branches.put("directionMispredictions", core.directionMispredictions());
        branches.put("targetMispredictions", core.targetMispredictions());
        branches.put("returnMispredictions", core.returnMispredictions());
        branches.put("mispredictions_by_type", core.mispredictionsByType());
        branches.put("mpki", core.branchMpki());
        c.put("branches", branches);
        Map<String, Object> caches = new LinkedHashMap<>();
        caches.put("instruction", core.instructionLevels());
        caches.put("data", core.dataLevels());
        c.put("caches", caches);
        c.put("cpiStack", core.cpiStack());
        if (core.llcOccupancy() >= 0) {
          c.put("llcOccupancy", core.llcOccupancy());
          c.put("interCoreEvictions", core.interCoreEvictions());
        }
        cores.add(c);
      }
      run.put("cores", cores);
      runs.add(run);
    }
    root.put("runs", runs);
    if (results.size() == 2) {
      Map<String, Object> difference = new LinkedHashMap<>();
      difference.put("weightedSpeedup",
          results.get(0).weightedSpeedup() - results.get(1).weightedSpeedup());
      List<Double> ipc = new ArrayList<>();
      for (int i = 0; i < results.get(0).cores().size(); i++) {
        ipc.add(results.get(0).cores().get(i).ipc() - results.get(1).cores().get(i).ipc());
      }
      difference.put("ipc", ipc);
      root.put("sharedMinusPrivate", difference);
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    return mapper.writeValueAsString(withoutNaN(mapper.valueToTree(root))) + "\n";
  }

  /** Rates of a window that counted nothing are NaN; JSON has no NaN, and null says n/a. */
  private static com.fasterxml.jackson.databind.JsonNode withoutNaN(
      com.fasterxml.jackson.databind.JsonNode node) {
    if (node.isDouble() && Double.isNaN(node.doubleValue())) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
    if (node.isObject()) {
      var object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
      var names = new ArrayList<String>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, withoutNaN(object.get(name)));
      }
    } else if (node.isArray()) {
      var array = (com.fasterxml.jackson.databind.node.ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, withoutNaN(array.get(i)));
      }
    }
    return node;
  }
}
