package org.bpsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.output.AtomicFiles;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code -o} and {@code --format} of the commands that print one result document (run, simulate,
 * cache): where the text goes, and which of the command's renderings it is.
 */
public final class OutputOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the results to FILE (atomically) instead of standard output.")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Output format; the first the command takes is its default: run takes "
          + "table, csv or json; simulate table or json; cache report or json.")
  String format;

  /** The format asked for among {@code accepted}, the first when none is; a bad one exits 2. */
  OutputFormat format(OutputFormat... accepted) {
    if (format == null) {
      return accepted[0];
    }
    try {
      return OutputFormat.parse(format, List.of(accepted));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage());
    }
  }

  /**
   * Refuses, before any work, a folder given as {@code -o} and an {@code -o} that names one of
   * the inputs (writing it would destroy it).
   */
  void checkTarget(List<Path> inputs) throws IOException {
    if (output == null) {
      return;
    }
    AtomicFiles.checkTarget(output);
    for (Path input : inputs) {
      AtomicFiles.refuseInput(output, input);
    }
  }

  /** Prints {@code text} on standard output, or replaces the {@code -o} file with it. */
  void write(String text) throws IOException {
    if (output == null) {
      PrintWriter out = mixee.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      AtomicFiles.write(output, text);
    }
  }
}
