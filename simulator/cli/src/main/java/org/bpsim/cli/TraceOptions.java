package org.bpsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.error.UserException;
import org.bpsim.trace.TraceFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code -t}: the traces, in every command a file or a folder of traces, repeatable. What a
 * command does with several is its own: run and compare replay each, simulate puts each on a
 * core of its own, cache takes exactly one.
 */
public final class TraceOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = {"-t", "--trace"}, paramLabel = "TRACE",
      description = "Trace file or folder of traces (repeatable). run and compare default to "
          + "the bundled samples; simulate runs each trace on a core of its own; cache "
          + "replays one memory trace.")
  List<Path> traces = new ArrayList<>();

  /**
   * The trace files, the bundled samples when none is given, each checked before any work (see
   * {@link TraceArguments#expand(List, TraceFormat, String)}).
   */
  List<Path> checked(TraceFormat forced, String readsTwice) throws IOException {
    return TraceArguments.expand(traces, forced, readsTwice);
  }

  /**
   * The trace files, at least one, folders listed; each must be a regular file because the
   * command ({@code why}) may read it more than once.
   */
  List<Path> regularFiles(String why) throws IOException {
    if (traces.isEmpty()) {
      throw new ParameterException(mixee.commandLine(), "Missing required option: '--trace'");
    }
    List<Path> files = TraceArguments.withFoldersListed(traces);
    for (Path trace : files) {
      if (!Files.isRegularFile(trace)) {
        throw new UserException(trace + (Files.exists(trace) ? ": needs a regular file, not a "
            + "pipe, FIFO or device (" + why + ")" : ": no such file"));
      }
    }
    return files;
  }
}
