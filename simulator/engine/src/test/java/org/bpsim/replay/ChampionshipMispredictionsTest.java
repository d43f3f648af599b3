package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.SharedMaterial;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The four CBP-2016 presets of the TAGE family mispredict exactly the conditional branches that
 * André Seznec's championship code mispredicts ({@code reference/championship-mispredictions/}:
 * one {@code <index> <pc-hex> <taken>} line per misprediction, index counting the trace's
 * conditional branches from 0), on every CBP-2016 trace of the shared folder. The predictor is
 * driven directly over the trace reader, with the CBP-2016 semantics: every conditional branch is
 * predicted then updated at once, every other branch only updates the histories. On a difference
 * the failure names the first index where the lists part. Each trace is decoded once for the four
 * presets; traces run in parallel.
 */
final class ChampionshipMispredictionsTest {
  /** bpsim's preset and the name of its row in the reference files. */
  private record Preset(String spec, String row) {
  }

  private static final List<Preset> PRESETS = List.of(
      new Preset("tage:budget=64KB", "tage-only-64kb"),
      new Preset("tage:budget=8KB", "tage-only-8kb"),
      new Preset("tage-sc-l:budget=64KB", "tage-sc-l-64kb"),
      new Preset("tage-sc-l:budget=8KB", "tage-sc-l-8kb"));

  @TestFactory
  Stream<DynamicTest> everyPresetMispredictsTheChampionshipCodesBranches() throws Exception {
    var missing = SharedMaterial.skippedUnlessPresent("reference/championship-mispredictions");
    if (missing.isPresent()) {
      return missing.get();
    }
    Path folder = SharedMaterial.traceOrSkip("cbp2016");
    Path references = SharedMaterial.referenceOrSkip("championship-mispredictions");
    List<Path> traces;
    try (Stream<Path> files = Files.list(folder)) {
      traces = files.filter(f -> f.getFileName().toString().endsWith(".bt9.trace.gz")).sorted()
          .toList();
    }
    assertFalse(traces.isEmpty(), "no BT9 traces in " + folder);
    List<List<List<String>>> lists = InParallel.map(traces, null,
        ChampionshipMispredictionsTest::mispredictions);
    List<DynamicTest> tests = new ArrayList<>();
    for (int t = 0; t < traces.size(); t++) {
      String name = traces.get(t).getFileName().toString().replace(".bt9.trace.gz", "");
      for (int p = 0; p < PRESETS.size(); p++) {
        Preset preset = PRESETS.get(p);
        List<String> ours = lists.get(t).get(p);
        Path reference = references.resolve("cbp2016." + name + "." + preset.row() + ".txt.gz");
        tests.add(DynamicTest.dynamicTest(name + " " + preset.spec(),
            () -> compare(reference, ours, name + " " + preset.spec())));
      }
    }
    return tests.stream();
  }

  /** Per preset, the misprediction lines of bpsim on {@code trace}. */
  private static List<List<String>> mispredictions(Path trace) throws IOException {
    PredictorRegistry registry = PredictorRegistry.builtIn();
    List<BranchPredictor> predictors = new ArrayList<>();
    List<List<String>> lines = new ArrayList<>();
    for (Preset preset : PRESETS) {
      predictors.add(registry.create(registry.resolve(preset.spec())));
      lines.add(new ArrayList<>());
    }
    try (TraceReader reader = TraceOpener.branches(trace)) {
      BranchBatch batch = new BranchBatch();
      long conditional = 0;
      while (reader.read(batch) > 0) {
        for (int i = 0; i < batch.size(); i++) {
          BranchKind kind = batch.kindAt(i);
          long pc = batch.pc[i];
          boolean taken = batch.taken[i];
          for (int p = 0; p < predictors.size(); p++) {
            BranchPredictor predictor = predictors.get(p);
            if (kind == BranchKind.CONDITIONAL && predictor.predict(pc) != taken) {
              lines.get(p).add(String.format(Locale.ROOT, "%d %x %d", conditional, pc,
                  taken ? 1 : 0));
            }
            predictor.update(pc, batch.target[i], kind, taken);
          }
          if (kind == BranchKind.CONDITIONAL) {
            conditional++;
          }
        }
      }
    }
    return lines;
  }

  private static void compare(Path reference, List<String> ours, String what)
      throws IOException {
    List<String> theirs = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(reference)), StandardCharsets.US_ASCII))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          theirs.add(line.strip());
        }
      }
    }
    int n = Math.min(ours.size(), theirs.size());
    for (int i = 0; i < n; i++) {
      if (!ours.get(i).equals(theirs.get(i))) {
        long at = Math.min(index(ours.get(i)), index(theirs.get(i)));
        fail(String.format(Locale.ROOT, "%s parts from the championship code at conditional"
            + " branch %d: bpsim's misprediction #%d is '%s', the reference's is '%s'"
            + " (%d vs %d mispredictions in all)", what, at, i, ours.get(i), theirs.get(i),
            ours.size(), theirs.size()));
      }
    }
    if (ours.size() != theirs.size()) {
      List<String> longer = ours.size() > theirs.size() ? ours : theirs;
      fail(String.format(Locale.ROOT, "%s parts from the championship code at conditional branch"
          + " %s: only %s mispredicts it (%d vs %d mispredictions in all)", what,
          index(longer.get(n)), longer == ours ? "bpsim" : "the reference", ours.size(),
          theirs.size()));
    }
    assertEquals(theirs.size(), ours.size());
  }

  private static long index(String line) {
    return Long.parseLong(line.substring(0, line.indexOf(' ')));
  }
}
