package org.bpsim.record;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds programs the way a shell does: a name with a slash is a path, others are looked up. */
public final class Executables {
  private Executables() {
  }

  /** The executable file for {@code name}, or null when there is none. */
  public static Path find(String name) {
    if (name.contains("/")) {
      Path path = Paths.get(name);
      return Files.isRegularFile(path) && Files.isExecutable(path) ? path : null;
    }
    String searchPath = System.getenv("PATH");
    if (searchPath == null) {
      return null;
    }
    for (String directory : searchPath.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Paths.get(directory, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
