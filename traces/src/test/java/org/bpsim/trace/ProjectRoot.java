package org.bpsim.trace;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's root folder, for tests that read files kept in the project itself (the bundled
 * samples, the README, the examples): modules sit at different depths, so no test may assume
 * that its working folder is one level below the root.
 */
public final class ProjectRoot {
  /** The system property that Surefire sets to the root (the reactor's top folder). */
  public static final String PROPERTY = "bpsim.root";

  private ProjectRoot() {
  }

  /** The root: the property when set, else the nearest folder upwards that holds {@code mvnw}. */
  public static Path folder() {
    String property = System.getProperty(PROPERTY);
    if (property != null) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("traces"))) {
        return p;
      }
    }
    throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath()
        + " (set -D" + PROPERTY + ")");
  }

  /** A path below the root. */
  public static Path resolve(String relative) {
    return folder().resolve(relative);
  }
}
