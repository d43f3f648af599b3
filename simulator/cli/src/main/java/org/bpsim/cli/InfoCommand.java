package org.bpsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bpsim.job.InfoJob;
import org.bpsim.report.TraceSummaryText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bpsim info TRACE}: what a trace holds, read in one pass. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Print a trace's format, compression, instruction and branch counts, "
        + "distinct branch addresses and taken fraction.")
public final class InfoCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "TRACE", arity = "1..*", description = "Trace files.")
  List<Path> traces;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    for (Path trace : traces) {
      out.print(TraceSummaryText.render(InfoJob.describe(trace))); // each as soon as it is read
      out.flush();
    }
    return ExitCodes.OK;
  }
}
