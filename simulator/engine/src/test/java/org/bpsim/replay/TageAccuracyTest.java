package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.Test;

/**
 * The TAGE family's presets give exactly the mispredictions of André Seznec's CBP-2016 code
 * ({@code kind=championship} rows of {@code expected.csv}) on every shared trace that has such
 * rows and is not a CBP-2016 BT9 trace: those are compared branch for branch, which implies
 * their totals, by {@link ChampionshipMispredictionsTest}. The reference fed the other formats
 * (CBP-1 text, CSE240A, the CBP-2 kit, ChampSim) to the same code through a conversion, measured
 * as {@code bpsim run} does: the whole trace, immediate update. Each trace is decoded once for
 * the four presets; traces run in parallel.
 */
final class TageAccuracyTest {
  /** bpsim's preset and the name of its row in expected.csv. */
  private record Preset(String spec, String row) {
  }

  private static final List<Preset> PRESETS = List.of(
      new Preset("tage:budget=64KB", "tage-only-64kb"),
      new Preset("tage:budget=8KB", "tage-only-8kb"),
      new Preset("tage-sc-l:budget=64KB", "tage-sc-l-64kb"),
      new Preset("tage-sc-l:budget=8KB", "tage-sc-l-8kb"));

  /**
   * The one row the conversion read differently, with the most it may differ. The championship
   * code itself, compiled unchanged and fed bpsim's reading of that ChampSim trace, gives exactly
   * bpsim's count (and exactly the reference's rows of the three other presets): so the trace was
   * read differently for this row, not predicted differently. See docs/predictors.md.
   */
  private static final Map<String, Double> CONVERSION_TOLERANCE = Map.of(
      "champsim/bzip2.champsimtrace.xz tage-sc-l-8kb", 0.004);

  @Test
  void presetsGiveTheChampionshipCodesMispredictionsOnEveryOtherFormat() throws Exception {
    Path traces = SharedMaterial.traceOrSkip("");
    Path expected = SharedMaterial.referenceOrSkip("expected.csv");
    Map<String, Map<String, Long>> reference = new LinkedHashMap<>();
    for (List<String> f : ReferenceCsv.rows(expected)) {
      if (f.size() >= 5 && f.get(2).equals("championship") && !f.get(0).startsWith("cbp2016/")) {
        reference.computeIfAbsent(f.get(0), k -> new LinkedHashMap<>()).put(f.get(1),
            Long.parseLong(f.get(4)));
      }
    }
    assertFalse(reference.isEmpty(), expected + " has no championship rows beside CBP-2016");
    List<String> names = new ArrayList<>(reference.keySet());
    for (String name : names) {
      assertTrue(Files.exists(traces.resolve(name)), "missing shared trace " + name);
    }
    PredictorRegistry registry = PredictorRegistry.builtIn();
    List<String> specs = PRESETS.stream().map(Preset::spec).toList();
    List<List<RunResult>> runs = InParallel.map(names, null, name -> {
      List<BranchPredictor> predictors = new ArrayList<>();
      for (String spec : specs) {
        predictors.add(registry.create(registry.resolve(spec)));
      }
      return new Replay(traces.resolve(name), name, null, ReplayOptions.WHOLE_TRACE)
          .run(specs, predictors);
    });
    StringBuilder report = new StringBuilder();
    List<String> failures = new ArrayList<>();
    for (int t = 0; t < names.size(); t++) {
      String name = names.get(t);
      Map<String, Long> rows = reference.get(name);
      for (int p = 0; p < PRESETS.size(); p++) {
        Preset preset = PRESETS.get(p);
        Long ref = rows.get(preset.row());
        if (ref == null) {
          continue;
        }
        long ours = runs.get(t).get(p).mispredictions();
        String line = String.format(Locale.ROOT, "%-36s %-22s %10d vs %10d", name, preset.spec(),
            ours, ref);
        report.append(line);
        Double tolerance = CONVERSION_TOLERANCE.get(name + " " + preset.row());
        if (ours != ref) {
          double off = Math.abs(ours - ref) / (double) ref;
          if (tolerance != null && off <= tolerance) {
            report.append(String.format(Locale.ROOT, "  (%+.2f %%, conversion)", 100 * off));
          } else {
            failures.add(line);
            report.append("  DIFFERS");
          }
        }
        report.append('\n');
      }
    }
    System.out.println("TAGE family vs the championship code (bpsim vs reference):\n" + report);
    assertTrue(failures.isEmpty(), "not the championship code's count:\n"
        + String.join("\n", failures) + "\n\n" + report);
  }
}
