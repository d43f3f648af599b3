package org.bpsim.sim;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The read-only reference material (real traces and independent results) beside the project.
 * Tests reach it only through the {@code bpsim.shared} system property and skip, saying why, when
 * it is not there, so a clone without it still builds.
 */
final class SharedMaterial {
  static final String PROPERTY = "bpsim.shared";

  private SharedMaterial() {
  }

  /** The shared folder, or a skipped test when it is absent. */
  static Path folderOrSkip() {
    String configured = System.getProperty(PROPERTY);
    assumeTrue(configured != null && !configured.isBlank(),
        "system property " + PROPERTY + " is not set: reference tests skipped");
    Path folder = Paths.get(configured).toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(folder.resolve("traces"))
            && Files.isDirectory(folder.resolve("reference")),
        "no shared reference material at " + folder + ": reference tests skipped");
    return folder;
  }
}
