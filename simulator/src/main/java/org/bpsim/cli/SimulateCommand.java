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
import org.bpsim.sim.UserException;
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
        throw new UserException(trace + ": no such file");
      }
    }
    MachineConfig machineConfig = Machines.load(machine);
    PredictorRegistry registry = pluginOptions.registry(spec.commandLine().getErr());
    PredictorConfig predictorConfig = registry.resolve(predictor);
    Simulation simulation = new Simulation(machineConfig, () -> registry.create(predictorConfig),
        !sharedAddressSpace, warmup, maxInstructions == null ? Long.MAX_VALUE : maxInstructions,
        new Idealization(perfectBranches, perfectCaches));
    List<SimulationResult> results = new ArrayList<>();
    try {
      for (LlcMode mode : modes) {
        results.add(simulation.runWithBaselines(traces, mode, predictorConfig.canonicalSpec()));
      }
    } catch (PredictorFailure failure) {
      // As in run and compare: named on one line, exit code 3; nothing is written.
      PrintWriter err = spec.commandLine().getErr();
      err.println("bpsim: predictor " + predictorConfig.canonicalSpec() + " failed on "
          + failure.trace() + ": " + failure.getMessage());
      err.flush();
      return ExitCodes.PREDICTOR_FAILED;
    }
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
          mpki.append(String.format(Locale.ROOT, "%s %.3f", level.name(), level.mpki()));
        }
        for (LevelResult level : core.dataLevels()) {
          mpki.append(String.format(Locale.ROOT, ", %s %.3f", level.name(), level.mpki()));
        }
        out.append(String.format(Locale.ROOT, "%-4d %12d %12d %7.4f %9.4f %8d %8d %8.4f  %s%n",
            core.core(), core.instructions(), core.cycles(), core.ipc(),
            result.ipcAlone().get(i), core.directionMispredictions(),
            core.targetMispredictions(), core.branchMpki(), mpki));
        StringBuilder stack = new StringBuilder();
        for (Map.Entry<String, Double> part : core.cpiStack().entrySet()) {
          stack.append(String.format(Locale.ROOT, " %s %.4f", part.getKey(), part.getValue()));
        }
        out.append("     CPI stack:").append(stack);
        if (core.llcOccupancy() >= 0) {
          out.append(String.format(Locale.ROOT, "; LLC lines held %d, other cores' lines "
              + "evicted %d", core.llcOccupancy(), core.interCoreEvictions()));
        }
        out.append("  ").append(core.trace()).append('\n');
      }
      out.append(String.format(Locale.ROOT, "weighted speedup %.4f, harmonic mean speedup %.4f"
          + "%n%n", result.weightedSpeedup(), result.harmonicSpeedup()));
    }
    if (results.size() == 2) {
      SimulationResult shared = results.get(0);
      SimulationResult separate = results.get(1);
      out.append(String.format(Locale.ROOT, "shared - private: weighted speedup %+.4f",
          shared.weightedSpeedup() - separate.weightedSpeedup()));
      for (int i = 0; i < shared.cores().size(); i++) {
        out.append(String.format(Locale.ROOT, ", core %d ipc %+.4f", i,
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
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(root) + "\n";
  }
}
