package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bpsim.predictor.cbpnative.NativeBuild;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that compile C++ predictors: skips the class with a message when there is no
 * C++ compiler, and points bpsim's compile cache ({@code bpsim.cache.dir}) at a folder of the
 * class's own for its duration, so a test never reads a program another test (or the user)
 * compiled, and never writes the user's cache. Register it as a static field with
 * {@code @RegisterExtension}; it runs before the class's own {@code @BeforeAll} methods.
 */
public final class NativeCompilerCache implements BeforeAllCallback, AfterAllCallback {
  private static final String PROPERTY = "bpsim.cache.dir";
  private Path folder;
  private String previous;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    assumeTrue(NativeBuild.compiler().isPresent(),
        "no C++ compiler ($CXX, c++ or g++): native predictor tests skipped");
    previous = System.getProperty(PROPERTY);
    folder = Files.createTempDirectory("bpsim-native-cache");
    System.setProperty(PROPERTY, folder.toString());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (folder == null) {
      return;
    }
    if (previous == null) {
      System.clearProperty(PROPERTY);
    } else {
      System.setProperty(PROPERTY, previous);
    }
    try (var paths = Files.walk(folder)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
    folder = null;
  }

  /** The cache folder in use (valid between the class's first and last test). */
  public Path folder() {
    return folder;
  }
}
