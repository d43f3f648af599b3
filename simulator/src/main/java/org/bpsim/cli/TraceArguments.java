package org.bpsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bpsim.sim.UserException;

/** Turns the user's {@code -t} arguments (files or folders) into a list of trace files. */
final class TraceArguments {
  /** Where the launcher says bpsim is installed; its bundled samples are the default traces. */
  static final String HOME_PROPERTY = "bpsim.home";

  private TraceArguments() {
  }

  static List<Path> expand(List<Path> arguments) throws IOException {
    List<Path> given = arguments;
    if (given == null || given.isEmpty()) {
      given = List.of(defaultTraceFolder());
    }
    List<Path> traces = new ArrayList<>();
    for (Path argument : given) {
      if (Files.isDirectory(argument)) {
        try (Stream<Path> files = Files.list(argument)) {
          files.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(TraceArguments::looksLikeTrace)
              .sorted()
              .forEach(traces::add);
        }
      } else if (Files.exists(argument)) {
        traces.add(argument);
      } else {
        throw new UserException(argument + ": no such file or folder");
      }
    }
    if (traces.isEmpty()) {
      throw new UserException("no trace files in " + given);
    }
    return traces;
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
