package org.bpsim.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.bpsim.cache.replacement.ReplacementPolicies;
import org.bpsim.cache.report.CourseReport;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproduces every reference output of the two-level course cache simulator in
 * shared/reference/cache-validation byte for byte: the configuration echo, every set's final
 * contents and the raw counts. Each file's header gives the configuration to run.
 */
final class CacheValidationTest {
  private static final Path SHARED = SharedMaterial.folder();
  private static final Path VALIDATION = SHARED.resolve("reference/cache-validation");

  static Stream<String> validationFiles() throws IOException {
    if (!Files.isDirectory(VALIDATION)) {
      // One placeholder case, so that the skip is reported instead of silently running nothing.
      return Stream.of("(shared reference material missing)");
    }
    try (Stream<Path> files = Files.list(VALIDATION)) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("validation") && n.endsWith(".txt")).sorted().toList();
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validationFiles")
  void reproducesReferenceOutputExactly(String name) throws IOException {
    Path validation = SharedMaterial.referenceOrSkip("cache-validation");
    String expected = Files.readString(validation.resolve(name));
    Map<String, String> settings = settings(expected);
    HierarchyConfig config = HierarchyConfig.course(
        Integer.parseInt(settings.get("BLOCKSIZE")),
        Long.parseLong(settings.get("L1_SIZE")), Integer.parseInt(settings.get("L1_ASSOC")),
        Long.parseLong(settings.get("L2_SIZE")), Integer.parseInt(settings.get("L2_ASSOC")),
        settings.get("REPLACEMENT POLICY").toLowerCase(Locale.ROOT),
        Inclusion.ofId(settings.get("INCLUSION PROPERTY")));
    Path trace = SHARED.resolve("traces/memory").resolve(settings.get("trace_file"));
    CacheHierarchy hierarchy = new CacheRun(config, ReplacementPolicies.builtIn()).run(trace);
    String actual = CourseReport.render(config, settings.get("trace_file"), hierarchy);
    assertFalse(expected.isEmpty());
    assertEquals(expected, actual, name);
  }

  private static Map<String, String> settings(String report) {
    Map<String, String> settings = new HashMap<>();
    for (String line : report.split("\n")) {
      if (line.startsWith("=====") && !line.contains("configuration")) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        settings.put(line.substring(0, colon), line.substring(colon + 1).trim());
      }
    }
    return settings;
  }
}
