package org.bpsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bpsim.error.UserException;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceInput;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;

/** Turns the user's {@code -t} arguments (files or folders) into a list of trace files. */
final class TraceArguments {
  /** Where the launcher says bpsim is installed; its bundled samples are the default traces. */
  static final String HOME_PROPERTY = "bpsim.home";

  private TraceArguments() {
  }

  /** {@link #expand(List, TraceFormat, String)} for a command that reads a trace only once. */
  static List<Path> expand(List<Path> arguments) throws IOException {
    return expand(arguments, null, null);
  }

  /**
   * The trace files the arguments name, each checked before any replay starts: every file that
   * cannot be opened as a trace (a {@code notes.txt} in a folder) is named, all in one message.
   * {@code -} is standard input; a pipe, FIFO or device is read as it comes, unchecked (a check
   * would consume it).
   *
   * @param forced the format the user forces, or null to detect each
   * @param readsTwice null when the command reads each trace once; else why it reads a trace
   *     more than once, which refuses anything but regular files
   */
  static List<Path> expand(List<Path> arguments, TraceFormat forced, String readsTwice)
      throws IOException {
    List<Path> given = arguments;
    if (given == null || given.isEmpty()) {
      given = List.of(defaultTraceFolder());
    }
    List<Path> traces = new ArrayList<>();
    boolean standardInput = false;
    for (Path argument : given) {
      if (argument.equals(TraceInput.STANDARD_INPUT)) {
        if (standardInput) {
          throw new UserException("-: standard input can be given only once");
        }
        standardInput = true;
        traces.add(argument);
      } else if (Files.isDirectory(argument)) {
        traces.addAll(inFolder(argument));
      } else if (Files.exists(argument)) {
        traces.add(argument);
      } else {
        throw new UserException(argument + ": no such file or folder");
      }
    }
    if (traces.isEmpty()) {
      throw new UserException("no trace files in " + given);
    }
    List<String> problems = new ArrayList<>();
    for (Path trace : traces) {
      boolean regular = Files.isRegularFile(trace);
      if (!regular && readsTwice != null) {
        problems.add(trace + ": needs a regular file, not a pipe, FIFO or device ("
            + readsTwice + ")");
      } else if (regular) {
        String problem = problemOpening(trace, forced);
        if (problem != null) {
          problems.add(problem);
        }
      }
    }
    if (problems.size() == 1) {
      throw new UserException(problems.get(0));
    }
    if (!problems.isEmpty()) {
      throw new UserException(problems.size() + " of the " + traces.size() + " traces cannot "
          + "be read, so nothing was replayed:\n  " + String.join("\n  ", problems));
    }
    return traces;
  }

  /**
   * The arguments with each folder replaced by its traces, nothing opened or checked: for the
   * commands that open each trace themselves (simulate, cache).
   */
  static List<Path> withFoldersListed(List<Path> arguments) throws IOException {
    List<Path> traces = new ArrayList<>();
    for (Path argument : arguments) {
      if (Files.isDirectory(argument)) {
        traces.addAll(inFolder(argument));
      } else {
        traces.add(argument);
      }
    }
    return traces;
  }

  /** The files of {@code folder} that may be traces, sorted; hidden files are skipped. */
  private static List<Path> inFolder(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(TraceArguments::looksLikeTrace)
          .sorted()
          .toList();
    }
  }

  /** Why {@code trace} cannot be read as a trace (its first batch decoded), or null. */
  private static String problemOpening(Path trace, TraceFormat forced) throws IOException {
    try (TraceReader reader = TraceOpener.branches(trace, forced)) {
      reader.read(new BranchBatch());
      return null;
    } catch (TraceFormatException e) {
      return e.getMessage();
    }
  }

  /** Folders hold manifests and notes beside the traces; skip what is plainly not a trace. */
  private static boolean looksLikeTrace(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return !(name.endsWith(".md") || name.endsWith(".json") || name.endsWith(".sh")
        || name.endsWith(".csv") || name.endsWith(".sha256"));
  }

  static Path defaultTraceFolder() {
    String home = System.getProperty(HOME_PROPERTY);
    Path folder = Paths.get(home == null ? "." : home, "traces", "samples");
    if (!Files.isDirectory(folder)) {
      throw new UserException("no traces given (-t) and no bundled samples at " + folder);
    }
    return folder;
  }
}
