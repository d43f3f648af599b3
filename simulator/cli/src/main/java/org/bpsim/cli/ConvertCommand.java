package org.bpsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bpsim.output.AtomicFiles;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;
import org.bpsim.trace.bpt.BptWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bpsim convert IN OUT}: any supported trace to bpsim's fast {@code .bpt} format. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Convert a trace of any supported format to bpsim's .bpt format, which "
        + "replays far faster (branch records only, compact, chunked, checksummed)."})
public final class ConvertCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN", description = "Trace to convert.")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "The .bpt file to write.")
  Path out;

  @Option(names = "--trace-format", paramLabel = "FORMAT",
      description = "Read IN as this format instead of detecting it.")
  String traceFormat;

  @Option(names = "--instructions", paramLabel = "N",
      description = "Record N as the instruction count of a trace that carries none.")
  Long instructions;

  @Override
  public Integer call() throws IOException {
    TraceFormat format = traceFormat == null ? null : TraceFormat.ofId(traceFormat);
    // OUT over IN would replace the source trace (whose instruction stream a .bpt drops) for good.
    AtomicFiles.refuseInput(out, in);
    AtomicFiles.checkTarget(out);
    long started = System.nanoTime();
    long[] branches = new long[1];
    try (TraceReader reader = TraceOpener.branches(in, format)) {
      long declared = reader.declaredInstructions().orElse(instructions == null ? -1
          : instructions);
      AtomicFiles.write(out, file -> {
        try (BptWriter writer = new BptWriter(file, reader.format().id() + " "
            + in.getFileName(), reader.hasInstructionCounts(), declared)) {
          BranchBatch batch = new BranchBatch();
          int n;
          while ((n = reader.read(batch)) > 0) {
            writer.write(batch);
            branches[0] += n;
          }
          writer.finish(reader.instructionsRead());
        }
      });
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "converted %,d branches to %s (%,d bytes) in %.2f s%n", branches[0],
        out, Files.size(out), seconds);
    err.flush();
    return ExitCodes.OK;
  }
}
