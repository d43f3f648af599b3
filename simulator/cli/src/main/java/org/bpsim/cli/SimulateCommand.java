package org.bpsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bpsim.job.SimulateJob;
import org.bpsim.job.SimulateOptions;
import org.bpsim.machine.MachineConfig;
import org.bpsim.pipeline.Idealization;
import org.bpsim.pipeline.LlcMode;
import org.bpsim.pipeline.PredictorFailure;
import org.bpsim.pipeline.SimulationResult;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.report.SimulationJson;
import org.bpsim.report.SimulationTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bpsim simulate}: the pipeline timing model, one trace per core. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Simulate cores running traces (one per core) under the dataflow timing "
        + "model with a cache hierarchy; see docs/pipeline.md. Formats: table or json.",
        "Traces must carry every instruction and its memory addresses (CBP-2025 kit or "
            + "ChampSim traces)."})
public final class SimulateCommand implements Callable<Integer> {
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
  PluginOptions pluginOptions = new PluginOptions();

  @Option(names = {"-p", "--predictor"}, paramLabel = "SPEC", defaultValue = "gshare",
      description = "Direction predictor of every core (default: ${DEFAULT-VALUE}).")
  String predictor;

  @Option(names = "--machine", paramLabel = "PRESET|FILE", defaultValue = "cbp2025",
      converter = MachineChoice.Converter.class,
      description = "Machine preset (see 'bpsim configs') or JSON file (default: "
          + "${DEFAULT-VALUE}).")
  MachineChoice machine;

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

  @Override
  public Integer call() throws Exception {
    OutputFormat format = output.format(OutputFormat.TABLE, OutputFormat.JSON);
    List<LlcMode> modes = MachineChoice.llcModes(spec, llc);
    WindowOptions.Window counted = window.window();
    List<Path> files = traces.regularFiles("the timing model may read a trace more than once");
    output.checkTarget(files);
    MachineConfig machineConfig = machine.load();
    PredictorRegistry registry = pluginOptions.registry(spec.commandLine().getErr());
    PredictorConfig config = registry.resolve(predictor);
    SimulateJob job = new SimulateJob(new SimulateOptions(machineConfig, registry, config, modes,
        !sharedAddressSpace, new Idealization(perfectBranches, perfectCaches), counted.warmup(),
        counted.max(), jobs.jobs(), jobs.guard()));
    List<SimulationResult> results;
    try {
      results = job.run(files, ProgressDisplay.warningsTo(spec.commandLine().getErr()));
    } catch (PredictorFailure failure) {
      // As in run and compare: named on one line, exit code 3; nothing is written.
      PredictorFailures.report(config, failure, spec.commandLine().getErr());
      return ExitCodes.PREDICTOR_FAILED;
    }
    output.write(format == OutputFormat.JSON ? SimulationJson.render(results)
        : SimulationTable.render(results));
    return ExitCodes.OK;
  }
}
