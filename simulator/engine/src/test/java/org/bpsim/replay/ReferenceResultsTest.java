package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.trace.SharedMaterial;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every {@code kind=exact} row of {@code reference/expected.csv}: results of an independent
 * implementation of the bimodal and gshare definitions, which bpsim must match branch for branch.
 * Each trace is decoded once with all of its predictors, as the CLI does.
 */
final class ReferenceResultsTest {

  /** One exact row: a predictor on a trace and the counts it must give. */
  record Expected(String trace, String predictor, long conditionalBranches, long mispredictions,
      OptionalLong instructions) {
  }

  @TestFactory
  Stream<DynamicTest> matchesEveryExactRowOfExpectedCsv() throws IOException {
    var missing = SharedMaterial.skippedUnlessPresent("reference/expected.csv");
    if (missing.isPresent()) {
      return missing.get();
    }
    Path traces = SharedMaterial.traceOrSkip("");
    Path csv = SharedMaterial.referenceOrSkip("expected.csv");
    Map<String, List<Expected>> byTrace = new LinkedHashMap<>();
    for (Expected row : readExactRows(csv)) {
      byTrace.computeIfAbsent(row.trace(), t -> new ArrayList<>()).add(row);
    }
    assertFalse(byTrace.isEmpty(), csv + " has no exact rows");
    return byTrace.entrySet().stream().map(entry -> DynamicTest.dynamicTest(
        entry.getKey() + " (" + entry.getValue().size() + " predictors)",
        () -> check(traces.resolve(entry.getKey()), entry.getValue())));
  }

  private static void check(Path trace, List<Expected> rows) throws IOException {
    assertTrue(Files.exists(trace), "missing shared trace " + trace);
    if (trace.getParent().getFileName().toString().equals("cbp2")) {
      assumeTrue(readable(trace), "the CBP-2 contest-kit trace reader is missing: "
          + trace.getFileName() + " (" + rows.size() + " expected.csv rows) skipped until it is "
          + "merged");
    }
    PredictorRegistry registry = PredictorRegistry.builtIn();
    List<String> specs = new ArrayList<>();
    List<BranchPredictor> predictors = new ArrayList<>();
    for (Expected row : rows) {
      PredictorConfig config = registry.resolve(row.predictor());
      specs.add(config.canonicalSpec());
      predictors.add(registry.create(config));
    }
    String name = trace.getParent().getFileName() + "/" + trace.getFileName();
    List<RunResult> results = new Replay(trace, name, null, ReplayOptions.WHOLE_TRACE)
        .run(specs, predictors);

    List<Executable> checks = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Expected row = rows.get(i);
      RunResult result = results.get(i);
      String label = name + " " + row.predictor() + ": ";
      checks.add(() -> assertEquals(row.conditionalBranches(), result.conditionalBranches(),
          label + "conditional branches"));
      checks.add(() -> assertEquals(row.mispredictions(), result.mispredictions(),
          label + "mispredictions"));
      checks.add(() -> assertEquals(row.instructions(), result.instructions(),
          label + "instructions"));
    }
    assertAll(name, checks);
  }

  /**
   * Whether bpsim recognises the trace at all; "not a recognised trace format" means the reader
   * for it has not been written yet, any other error is a real failure.
   */
  private static boolean readable(Path trace) throws IOException {
    try (TraceReader reader = TraceOpener.branches(trace)) {
      return true;
    } catch (TraceFormatException e) {
      if (e.getMessage().contains("not a recognised trace format")) {
        return false;
      }
      throw e;
    }
  }

  static List<Expected> readExactRows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = ReferenceCsv.split(lines.get(0));
    int trace = header.indexOf("trace");
    int predictor = header.indexOf("predictor");
    int kind = header.indexOf("kind");
    int conditional = header.indexOf("conditional_branches");
    int mispredictions = header.indexOf("mispredictions");
    int instructions = header.indexOf("instructions");
    assertTrue(trace >= 0 && predictor >= 0 && kind >= 0 && conditional >= 0
        && mispredictions >= 0 && instructions >= 0, "unexpected header in " + csv);
    List<Expected> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = ReferenceCsv.split(line);
      if (!cells.get(kind).equals("exact")) {
        continue;
      }
      String count = cells.get(instructions);
      rows.add(new Expected(cells.get(trace), cells.get(predictor),
          Long.parseLong(cells.get(conditional)), Long.parseLong(cells.get(mispredictions)),
          count.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(count))));
    }
    return rows;
  }
}
