package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchRecord;
import org.bpsim.trace.Compression;
import org.bpsim.trace.text.TextTraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bpsim predictors} and {@code bpsim info}. */
final class CliPredictorsAndInfoTest {
  @TempDir
  Path folder;

  @Test
  void predictorsListsEveryBuiltInWithKeysDefaultsAndStorage() {
    Cli cli = Cli.run("predictors");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals("", cli.err());
    String out = cli.out();
    assertTrue(out.contains("bimodal:index_bits=14,init=2"), out);
    assertTrue(out.contains("gshare:history=17,index_bits=17,init=2"), out);
    // 2^14 two-bit counters; 2^17 two-bit counters plus 17 history bits.
    assertTrue(out.contains("32,768 bits"), out);
    assertTrue(out.contains("262,161 bits"), out);
    for (String key : List.of("index_bits", "init", "history")) {
      assertTrue(out.contains("  " + key + " "), "lists key " + key + ": " + out);
    }
  }

  @Test
  void infoReportsFormatCompressionInstructionsBranchesByKindPcsAndTakenFraction()
      throws IOException {
    List<BranchRecord> branches = SampleTraces.branches(99, 2000, SampleTraces.BT9_KINDS);
    Path trace = SampleTraces.bt9(folder.resolve("info.bt9.trace.xz"), Compression.XZ,
        branches);
    Cli cli = Cli.run("info", trace.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    String out = cli.out();

    Map<BranchKind, Long> byKind = new EnumMap<>(BranchKind.class);
    Set<Long> pcs = new HashSet<>();
    long conditionalTaken = 0;
    for (BranchRecord b : branches) {
      byKind.merge(b.kind(), 1L, Long::sum);
      pcs.add(b.pc());
      if (b.kind().isConditional() && b.taken()) {
        conditionalTaken++;
      }
    }
    long last = branches.get(branches.size() - 1).position();
    assertTrue(out.contains("BT9"), out);
    assertTrue(out.contains("compression:         xz"), out);
    assertTrue(out.contains(String.format(Locale.ROOT, "instructions:        %,d", last)), out);
    assertTrue(out.contains(String.format(Locale.ROOT, "branches:            %,d",
        branches.size())), out);
    for (Map.Entry<BranchKind, Long> kind : byKind.entrySet()) {
      String label = kind.getKey().name().toLowerCase(Locale.ROOT) + ":";
      assertTrue(out.matches("(?s).*\\n  " + label + " +" + String.format(Locale.ROOT, "%,d",
          kind.getValue()) + "\\n.*"), label + " " + kind.getValue() + " in " + out);
    }
    assertTrue(out.contains(String.format(Locale.ROOT, "distinct branch PCs: %,d", pcs.size())),
        out);
    long conditionals = byKind.getOrDefault(BranchKind.CONDITIONAL, 0L);
    assertTrue(out.contains(String.format(Locale.ROOT, "conditional taken:   %.4f",
        (double) conditionalTaken / conditionals)), out);
  }

  @Test
  void infoOnATextTraceSaysItHasNoInstructionCounts() throws IOException {
    Path trace = SampleTraces.text(folder.resolve("cbp1.txt.gz"), Compression.GZIP,
        TextTraceWriter.Layout.TWO_COLUMNS,
        SampleTraces.branches(3, 100, List.of(BranchKind.CONDITIONAL)));
    Cli cli = Cli.run("info", trace.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().contains("not recorded"), cli.out());
    assertTrue(cli.out().contains("compression:         gzip"), cli.out());
  }

  @Test
  void infoOnABadTraceIsOneLineExitTwo() throws IOException {
    Path trace = java.nio.file.Files.writeString(folder.resolve("bad.txt"), "0x10 1\nzz 0\n");
    Cli cli = Cli.run("info", trace.toString());
    assertEquals(2, cli.exitCode(), cli.toString());
    assertEquals(1, cli.errLines().size(), cli.err());
    assertTrue(cli.err().contains(trace + ": line 2:"), cli.err());
  }
}
