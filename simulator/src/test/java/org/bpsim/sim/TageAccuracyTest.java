package org.bpsim.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.report.RunResult;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.Test;

/**
 * The accuracy bars of the TAGE family on the shared traces (issue 3), measured as in
 * {@code bpsim run}: total mispredictions over the traces with at least 1 M conditional branches
 * against the championship code's totals ({@code expected.csv}), and TAGE 64 KB ahead of gshare and
 * bimodal on every trace with at least 1 M conditional branches. On the tiny ones it must not do
 * worse than them either, except by the cold-start misses Seznec's own TAGE has there too (it is
 * then held to the championship count). Each trace is decoded once for all predictors; traces
 * run in parallel.
 * It replays about 230 M conditional branches through six predictors: a few minutes on 2 cores.
 */
final class TageAccuracyTest {
  private static final String TAGE_64 = "tage:budget=64KB";
  private static final String TAGE_8 = "tage:budget=8KB";
  private static final String SCL_64 = "tage-sc-l:budget=64KB";
  private static final String SCL_8 = "tage-sc-l:budget=8KB";
  private static final String GSHARE = "gshare:history=18,index_bits=18";
  private static final String BIMODAL = "bimodal";
  private static final List<String> SPECS = List.of(TAGE_64, TAGE_8, SCL_64, SCL_8, GSHARE,
      BIMODAL);

  /** Predictor spec, its reference row in expected.csv, and the allowed ratio to it. */
  private record Bar(String spec, String reference, double ratio) {
  }

  private static final List<Bar> BARS = List.of(new Bar(TAGE_64, "tage-only-64kb", 1.05),
      new Bar(TAGE_8, "tage-only-8kb", 1.05), new Bar(SCL_64, "tage-sc-l-64kb", 1.03),
      new Bar(SCL_8, "tage-sc-l-8kb", 1.03));

  /** The shared traces of the bars (and the smaller CBP-2016 ones, for "never worse"). */
  private static List<String> traces(Path traces) throws IOException {
    List<String> names = new ArrayList<>();
    for (String folder : new String[] {"cbp2016", "cbp1", "cse240a", "cbp2"}) {
      Path dir = traces.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(f -> !f.getFileName().toString().endsWith(".txt")).sorted()
            .forEach(f -> names.add(folder + "/" + f.getFileName()));
      }
    }
    return names;
  }

  @Test
  void tageFamilyMeetsTheChampionshipBarsOnTheSharedTraces() throws Exception {
    Path traces = SharedMaterial.traceOrSkip("");
    Path expected = SharedMaterial.referenceOrSkip("expected.csv");
    Map<String, Map<String, Long>> reference = reference(expected);
    List<String> names = traces(traces);
    PredictorRegistry registry = PredictorRegistry.builtIn();

    List<List<RunResult>> runs = InParallel.map(names, null, name -> {
      List<BranchPredictor> predictors = new ArrayList<>();
      for (String spec : SPECS) {
        predictors.add(registry.create(registry.resolve(spec)));
      }
      return new Replay(traces.resolve(name), name, null, ReplayOptions.WHOLE_TRACE)
          .run(SPECS, predictors);
    });
    Map<String, long[]> totals = new HashMap<>();
    StringBuilder report = new StringBuilder();
    List<String> failures = new ArrayList<>();
    for (int t = 0; t < names.size(); t++) {
      String name = names.get(t);
      List<RunResult> results = runs.get(t);
      long conditionals = results.get(0).conditionalBranches();
      long[] missed = results.stream().mapToLong(RunResult::mispredictions).toArray();
      report.append(String.format(Locale.ROOT, "%-40s", name));
      for (int p = 0; p < SPECS.size(); p++) {
        report.append(String.format(Locale.ROOT, " %10d", missed[p]));
      }
      report.append('\n');
      long tage = missed[SPECS.indexOf(TAGE_64)];
      long gshare = missed[SPECS.indexOf(GSHARE)];
      long bimodal = missed[SPECS.indexOf(BIMODAL)];
      boolean large = conditionals >= 1_000_000;
      Map<String, Long> rows = reference.get(name);
      if (large && (tage >= gshare || tage >= bimodal)) {
        failures.add(String.format(Locale.ROOT, "%s: %s %d vs gshare %d, bimodal %d", name,
            TAGE_64, tage, gshare, bimodal));
      } else if (!large && (tage > gshare || tage > bimodal)) {
        // Known gap on tiny traces, which Seznec's own TAGE has to the same count: a cold miss
        // more than bimodal on SHORT_MOBILE-24 (the base predictor starts weakly not-taken), and
        // on SHORT_MOBILE-28 (four static branches) an 8-iteration inner loop learnt more slowly
        // than by gshare and the exit of a 256-iteration outer loop, longer than the longest
        // history, allocating entries that then match earlier iterations. Never do worse.
        Long championship = rows == null ? null : rows.get("tage-only-64kb");
        String note = String.format(Locale.ROOT, "%s: %s %d vs gshare %d, bimodal %d"
            + " (championship TAGE: %s)", name, TAGE_64, tage, gshare, bimodal, championship);
        report.append("note: ").append(note).append('\n');
        if (championship == null || tage > championship) {
          failures.add(note);
        }
      }
      if (large && rows != null) {
        for (Bar bar : BARS) {
          Long ref = rows.get(bar.reference());
          if (ref != null) {
            long[] total = totals.computeIfAbsent(bar.spec(), k -> new long[2]);
            total[0] += missed[SPECS.indexOf(bar.spec())];
            total[1] += ref;
          }
        }
      }
    }
    for (Bar bar : BARS) {
      long[] total = totals.get(bar.spec());
      assertTrue(total != null && total[1] > 0, "no reference rows for " + bar.reference());
      double ratio = (double) total[0] / total[1];
      report.append(String.format(Locale.ROOT, "%-24s %10d vs %-16s %10d = %.4f (bar %.2f)%n",
          bar.spec(), total[0], bar.reference(), total[1], ratio, bar.ratio()));
      if (ratio > bar.ratio()) {
        failures.add(String.format(Locale.ROOT, "%s: %.4f x %s, over the %.2f bar", bar.spec(),
            ratio, bar.reference(), bar.ratio()));
      }
    }
    System.out.println("TAGE accuracy (mispredictions: " + String.join(", ", SPECS) + ")\n"
        + report);
    assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + report);
  }

  /** trace -> predictor -> mispredictions, from the championship rows of expected.csv. */
  private static Map<String, Map<String, Long>> reference(Path csv) throws IOException {
    Map<String, Map<String, Long>> rows = new HashMap<>();
    for (List<String> f : ReferenceCsv.rows(csv)) {
      if (f.size() >= 5 && f.get(2).equals("championship")) {
        rows.computeIfAbsent(f.get(0), k -> new HashMap<>()).put(f.get(1),
            Long.parseLong(f.get(4)));
      }
    }
    return rows;
  }
}
