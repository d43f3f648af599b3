package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.trace.SharedMaterial;
import org.bpsim.trace.TraceFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CBP-2 kit reader reproduces the kit's reference gshare ({@code cbp2-official.csv}) and every
 * exact bimodal/gshare row of {@code expected.csv} for the shared CBP-2 traces, branch for branch.
 * Each trace is decoded once and replayed through all the predictors together.
 */
final class Cbp2ReferenceTest {
  private static final String KIT_GSHARE = "gshare:history=15,index_bits=15,init=0";

  /** One expected outcome: mispredictions, plus branch and instruction counts when known. */
  private record Expected(long mispredictions, long conditionalBranches, long instructions) {
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gzip", "gcc", "mcf", "crafty", "parser", "jess", "raytrace", "db",
      "javac", "twolf"})
  void replayMatchesTheKitAndTheIndependentReference(String name) throws IOException {
    String trace = "cbp2/" + name + ".trace.bz2";
    Path file = SharedMaterial.traceOrSkip(trace);
    Path reference = SharedMaterial.referenceOrSkip("");

    Map<String, Expected> expected = new LinkedHashMap<>();
    for (List<String> row : ReferenceCsv.rows(reference.resolve("cbp2-official.csv"))) {
      if (row.get(0).equals(trace)) {
        assertEquals(KIT_GSHARE, row.get(1));
        expected.put(KIT_GSHARE, new Expected(Long.parseLong(row.get(3)), -1,
            Long.parseLong(row.get(2))));
      }
    }
    assertTrue(expected.containsKey(KIT_GSHARE), "cbp2-official.csv has no row for " + trace);
    int exactRows = 0;
    for (List<String> row : ReferenceCsv.rows(reference.resolve("expected.csv"))) {
      if (row.get(0).equals(trace) && row.get(2).equals("exact")) {
        Expected fromCsv = new Expected(Long.parseLong(row.get(4)), Long.parseLong(row.get(3)),
            Long.parseLong(row.get(5)));
        Expected kit = expected.get(row.get(1));
        if (kit != null) {
          assertEquals(kit.mispredictions(), fromCsv.mispredictions(),
              "the two references disagree on " + row.get(1));
        }
        expected.put(row.get(1), fromCsv);
        exactRows++;
      }
    }
    assertTrue(exactRows > 0, "expected.csv has no exact rows for " + trace);

    PredictorRegistry registry = PredictorRegistry.builtIn();
    List<String> specs = new ArrayList<>(expected.keySet());
    List<BranchPredictor> predictors = new ArrayList<>();
    for (String spec : specs) {
      predictors.add(registry.create(registry.resolve(spec)));
    }
    List<RunResult> results = new Replay(file, trace, TraceFormat.CBP2,
        ReplayOptions.WHOLE_TRACE).run(specs, predictors);

    for (int i = 0; i < specs.size(); i++) {
      Expected want = expected.get(specs.get(i));
      RunResult got = results.get(i);
      assertEquals(want.mispredictions(), got.mispredictions(),
          trace + " " + specs.get(i) + ": mispredictions");
      if (want.conditionalBranches() >= 0) {
        assertEquals(want.conditionalBranches(), got.conditionalBranches(),
            trace + " " + specs.get(i) + ": conditional branches");
      }
      assertFalse(got.instructions().isEmpty(), trace + ": instruction count missing");
      assertEquals(want.instructions(), got.instructions().getAsLong(),
          trace + " " + specs.get(i) + ": instructions");
    }
  }
}
