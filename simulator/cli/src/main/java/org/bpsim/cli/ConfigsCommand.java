package org.bpsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bpsim.cache.CacheConfig;
import org.bpsim.machine.MachineConfig;
import org.bpsim.job.MachineCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bpsim configs}: lists the machine presets shipped in the jar. */
@Command(name = "configs", mixinStandardHelpOptions = true,
    description = "List the machine presets for 'bpsim simulate --machine NAME'.")
public final class ConfigsCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--show", paramLabel = "NAME",
      description = "Print the preset's JSON, to copy and edit into a machine file.")
  String show;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (show != null) {
      if (!MachineCatalog.presets().contains(show)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--show: no preset '" + show + "' (presets: "
                + String.join(", ", MachineCatalog.presets()) + ")");
      }
      out.print(MachineCatalog.presetJson(show));
      out.flush();
      return ExitCodes.OK;
    }
    for (String name : MachineCatalog.presets()) {
      MachineConfig machine = MachineCatalog.preset(name);
      StringBuilder caches = new StringBuilder(describe(machine.instructionCache()));
      for (CacheConfig level : machine.dataCaches().levels()) {
        caches.append(", ").append(describe(level));
      }
      out.printf(Locale.ROOT, "%-10s %d-wide, ROB %d, execute %d cycles after fetch; %s; memory %d "
              + "cycles%n           %s%n", name, machine.core().width(), machine.core().robSize(),
          machine.core().fetchToExecute(), caches, machine.memory().latency(),
          machine.description());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String describe(CacheConfig level) {
    long size = level.sizeBytes();
    String shown = size % (1 << 20) == 0 ? size / (1 << 20) + " MB" : size / 1024 + " KB";
    return level.name() + " " + shown + "/" + level.ways() + "w";
  }
}
