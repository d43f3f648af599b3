package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The CBP-2016 kit's own 32 KB gshare result files, reproduced exactly: bpsim's
 * {@code gshare:history=17,index_bits=17} is that predictor, so every count must agree.
 */
final class Cbp2016OfficialGshareTest {
  private static final String KIT_GSHARE = "gshare:history=17,index_bits=17";

  @TestFactory
  Stream<DynamicTest> reproducesTheKitsGshareResultFilesExactly() throws IOException {
    var missing = SharedMaterial.skippedUnlessPresent("reference/cbp2016-official/GSHARE32KB");
    if (missing.isPresent()) {
      return missing.get();
    }
    Path traces = SharedMaterial.traceOrSkip("cbp2016");
    Path results = SharedMaterial.referenceOrSkip("cbp2016-official/GSHARE32KB");
    List<Path> files;
    try (Stream<Path> listing = Files.list(traces)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".bt9.trace.gz"))
          .sorted().toList();
    }
    assertTrue(!files.isEmpty(), "no BT9 traces in " + traces);
    return files.stream().map(trace -> DynamicTest.dynamicTest(
        trace.getFileName().toString(), () -> check(trace, results)));
  }

  private static void check(Path trace, Path results) throws IOException {
    String name = trace.getFileName().toString();
    Path resultFile = results.resolve(name.substring(0, name.indexOf(".bt9")) + ".res");
    assertTrue(Files.exists(resultFile), "no official result file for " + name + " in "
        + results);
    Map<String, Long> expected = parseResultFile(resultFile);

    PredictorRegistry registry = PredictorRegistry.builtIn();
    PredictorConfig config = registry.resolve(KIT_GSHARE);
    RunResult result = new Replay(trace, name, null, ReplayOptions.WHOLE_TRACE)
        .run(List.of(config.canonicalSpec()), List.of(registry.create(config))).get(0);

    assertAll(name,
        () -> assertEquals(expected.get("NUM_INSTRUCTIONS"),
            result.instructions().orElseThrow(), "NUM_INSTRUCTIONS"),
        () -> assertEquals(expected.get("NUM_BR"), result.branches(), "NUM_BR"),
        () -> assertEquals(expected.get("NUM_UNCOND_BR"),
            result.branches() - result.conditionalBranches(), "NUM_UNCOND_BR"),
        () -> assertEquals(expected.get("NUM_CONDITIONAL_BR"), result.conditionalBranches(),
            "NUM_CONDITIONAL_BR"),
        () -> assertEquals(expected.get("NUM_MISPREDICTIONS"), result.mispredictions(),
            "NUM_MISPREDICTIONS"));
  }

  /**
   * The kit prints {@code KEY : value} pairs separated by whitespace (and progress dots before
   * them); the integer-valued keys are the ones compared.
   */
  static Map<String, Long> parseResultFile(Path file) throws IOException {
    String[] tokens = Files.readString(file).trim().split("\\s+");
    Map<String, Long> values = new HashMap<>();
    for (int i = 0; i + 2 < tokens.length; i++) {
      if (tokens[i + 1].equals(":") && tokens[i].startsWith("NUM_")) {
        values.put(tokens[i].replaceFirst("^\\.+", ""), Long.parseLong(tokens[i + 2]));
      }
    }
    for (String key : List.of("NUM_INSTRUCTIONS", "NUM_BR", "NUM_UNCOND_BR",
        "NUM_CONDITIONAL_BR", "NUM_MISPREDICTIONS")) {
      assertTrue(values.containsKey(key), file + " has no " + key);
    }
    return values;
  }
}
