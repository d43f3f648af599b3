package org.bpsim.trace;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The read-only reference material (real traces and independent results) kept beside the project,
 * never inside it. Tests of every module find it here, through the {@code bpsim.shared} system
 * property that Surefire sets, and skip with a message naming what is missing when it is not
 * there, so that a clone without it still builds.
 */
public final class SharedMaterial {
  /** The system property naming the shared folder. */
  public static final String PROPERTY = "bpsim.shared";

  private static final String HOW_TO_PROVIDE = " (put the shared reference material beside the"
      + " project, or point -D" + PROPERTY + "=<folder> at it)";

  private SharedMaterial() {
  }

  /**
   * Where the shared folder should be, whether or not it is there: for parameter sources, which
   * cannot skip, and for tests that decide for themselves what its absence means.
   */
  public static Path folder() {
    return Paths.get(System.getProperty(PROPERTY, "../shared")).toAbsolutePath().normalize();
  }

  /** A file or folder below {@code traces/}, or a skipped test when it is absent. */
  public static Path traceOrSkip(String relativeToTraces) {
    return existingOrSkip("traces", relativeToTraces);
  }

  /**
   * A file or folder below {@code reference/} (the empty string names that folder itself), or a
   * skipped test when it is absent.
   */
  public static Path referenceOrSkip(String relativeToReference) {
    return existingOrSkip("reference", relativeToReference);
  }

  /** The message of a test skipped because {@code what} is not in the shared folder. */
  public static String notFound(Object what) {
    return "SKIPPED: shared reference material not found: " + what + HOW_TO_PROVIDE;
  }

  /**
   * For {@code @TestFactory} methods, whose skip would otherwise vanish (a factory that skips
   * produces no test at all): when {@code relativeToShared} is missing, one dynamic test that is
   * skipped with the usual message; otherwise empty, and the factory makes its real tests.
   */
  public static java.util.Optional<java.util.stream.Stream<org.junit.jupiter.api.DynamicTest>>
      skippedUnlessPresent(String relativeToShared) {
    Path path = folder().resolve(relativeToShared);
    if (Files.exists(path)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(java.util.stream.Stream.of(org.junit.jupiter.api.DynamicTest
        .dynamicTest("shared reference material", () -> assumeTrue(false, notFound(path)))));
  }

  private static Path existingOrSkip(String area, String relative) {
    Path path = folder().resolve(area).resolve(relative);
    assumeTrue(Files.exists(path), notFound(path));
    return path;
  }
}
