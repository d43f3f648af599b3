package org.bpsim.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The reference material beside the project ({@code ../shared}, set by Surefire as the system
 * property {@code bpsim.shared}). Tests that need it skip, saying so, when it is absent.
 */
final class SharedTraces {
  private SharedTraces() {
  }

  static Path root() {
    Path root = Paths.get(System.getProperty("bpsim.shared", "../shared"));
    assumeTrue(Files.isDirectory(root.resolve("traces")),
        "SKIPPED: the shared reference traces are not at " + root.toAbsolutePath()
            + " (clone them beside the project to run this test)");
    return root;
  }

  static Path trace(String relative) {
    Path trace = root().resolve("traces").resolve(relative);
    assumeTrue(Files.isRegularFile(trace), "SKIPPED: shared trace missing: " + trace);
    return trace;
  }
}
