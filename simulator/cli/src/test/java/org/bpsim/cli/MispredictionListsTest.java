package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.bpsim.cli.faulty.ThrowingProvider;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.BranchRecord;
import org.bpsim.trace.Compression;
import org.bpsim.trace.SharedMaterial;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bpsim run --mispredictions DIR} (issue 10): file names, lines that equal bimodal and
 * gshare computed here from their definitions (README, "Predictors"), the warmup/max window,
 * and what is refused or left out.
 */
final class MispredictionListsTest {
  private static final String BIMODAL = "bimodal:index_bits=14,init=2";
  private static final String GSHARE = "gshare:history=17,index_bits=17,init=2";

  @TempDir
  Path dir;

  /** A predictor as the README defines it, written here without bpsim's predictors. */
  private interface Definition {
    boolean predict(long pc);

    void learn(long pc, boolean taken);
  }

  /** 2^bits two-bit counters starting at 2, predicting taken iff >= 2. */
  private static final class Counters {
    final int[] counter;

    Counters(int bits) {
      counter = new int[1 << bits];
      java.util.Arrays.fill(counter, 2);
    }

    boolean predict(int index) {
      return counter[index] >= 2;
    }

    void learn(int index, boolean taken) {
      counter[index] = taken ? Math.min(3, counter[index] + 1) : Math.max(0, counter[index] - 1);
    }
  }

  /** Counters indexed by {@code pc mod 2^bits}. */
  private static Definition bimodal(int bits) {
    Counters counters = new Counters(bits);
    long mask = (1L << bits) - 1;
    return new Definition() {
      @Override
      public boolean predict(long pc) {
        return counters.predict((int) (pc & mask));
      }

      @Override
      public void learn(long pc, boolean taken) {
        counters.learn((int) (pc & mask), taken);
      }
    };
  }

  /** Counters indexed by {@code (pc XOR ghr) mod 2^bits}, ghr the last conditional outcomes. */
  private static Definition gshare(int history, int bits) {
    Counters counters = new Counters(bits);
    long mask = (1L << bits) - 1;
    long historyMask = (1L << history) - 1;
    long[] ghr = new long[1];
    return new Definition() {
      @Override
      public boolean predict(long pc) {
        return counters.predict((int) ((pc ^ ghr[0]) & mask));
      }

      @Override
      public void learn(long pc, boolean taken) {
        counters.learn((int) ((pc ^ ghr[0]) & mask), taken);
        ghr[0] = ((ghr[0] << 1) | (taken ? 1 : 0)) & historyMask;
      }
    };
  }

  /** Receives each expected line, as C's printf("%d %x %d\n") writes it. */
  private interface Lines {
    void line(int predictor, String line) throws IOException;
  }

  /**
   * Replays {@code trace} through the definitions: every conditional branch is predicted and
   * learnt, counted when its position is in {@code (warmup, end]}; replay stops after
   * {@code end}. The index counts all conditional branches from the start of the trace.
   */
  private static void expectedLines(Path trace, long warmup, long end,
      List<Definition> predictors, Lines lines) throws IOException {
    long index = 0;
    try (TraceReader reader = TraceOpener.branches(trace)) {
      BranchBatch batch = new BranchBatch();
      int n;
      while ((n = reader.read(batch)) > 0) {
        for (int i = 0; i < n; i++) {
          long position = batch.position[i];
          if (position > end) {
            return;
          }
          if (batch.kind[i] != BranchKind.CONDITIONAL.code()) {
            continue;
          }
          long pc = batch.pc[i];
          boolean taken = batch.taken[i];
          for (int p = 0; p < predictors.size(); p++) {
            Definition predictor = predictors.get(p);
            if (predictor.predict(pc) != taken && position > warmup) {
              lines.line(p, String.format(Locale.ROOT, "%d %x %d\n", index, pc, taken ? 1 : 0));
            }
            predictor.learn(pc, taken);
          }
          index++;
        }
      }
    }
  }

  /** Reads a gzip list and checks it, byte for byte, against the expected lines in order. */
  private static final class ListChecker implements AutoCloseable {
    private final Path file;
    private final InputStream in;
    private long lines;

    ListChecker(Path file) throws IOException {
      this.file = file;
      this.in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file)), 1 << 16);
    }

    void expect(String line) throws IOException {
      lines++;
      byte[] expected = line.getBytes(StandardCharsets.US_ASCII);
      byte[] got = in.readNBytes(expected.length);
      assertArrayEquals(expected, got, () -> file.getFileName() + " line " + lines
          + ": expected '" + line.strip() + "', got '"
          + new String(got, StandardCharsets.US_ASCII).strip() + "'");
    }

    /** The number of lines checked, after making sure nothing follows them. */
    long end() throws IOException {
      assertEquals(-1, in.read(), file.getFileName() + " has more than the " + lines
          + " expected lines");
      return lines;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static List<Path> filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }

  private static long mispredictions(Cli cli, int row) throws IOException {
    return new ObjectMapper().readTree(cli.out()).get("runs").get(row).get("mispredictions")
        .asLong();
  }

  @Test
  void listsOfBimodalAndGshareOnARealTraceEqualTheirDefinitionsLineForLine() throws IOException {
    Path trace = SharedMaterial.traceOrSkip("cbp2016/SHORT_MOBILE-1.bt9.trace.gz");
    Path out = dir.resolve("lists");
    Cli cli = Cli.run("run", "-t", trace.toString(), "-p", "bimodal", "-p", "gshare",
        "--format", "json", "--mispredictions", out.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    Path bimodal = out.resolve("SHORT_MOBILE-1.bt9.trace.gz.bimodal_index_bits_14_init_2.txt.gz");
    Path gshare = out.resolve(
        "SHORT_MOBILE-1.bt9.trace.gz.gshare_history_17_index_bits_17_init_2.txt.gz");
    assertEquals(List.of(bimodal, gshare), filesIn(out));
    try (ListChecker bimodalLines = new ListChecker(bimodal);
        ListChecker gshareLines = new ListChecker(gshare)) {
      expectedLines(trace, 0, Long.MAX_VALUE, List.of(bimodal(14), gshare(17, 17)),
          (p, line) -> (p == 0 ? bimodalLines : gshareLines).expect(line));
      assertEquals(mispredictions(cli, 0), bimodalLines.end(), "bimodal lines = mispredictions");
      assertEquals(mispredictions(cli, 1), gshareLines.end(), "gshare lines = mispredictions");
    }
  }

  @ParameterizedTest(name = "seed {0}, warmup {1}/8, max {2}/8 of the trace")
  @CsvSource({"1, 0, 0", "2, 0, 3", "3, 2, 0", "4, 3, 2", "5, 7, 1"})
  void onlyTheCountedWindowIsListedWithIndicesFromTheStartOfTheTrace(long seed, int warmupEighths,
      int maxEighths) throws IOException {
    List<BranchRecord> branches = SampleTraces.branches(seed, 4000, SampleTraces.BT9_KINDS);
    Path trace = SampleTraces.bt9(dir.resolve("t" + seed + ".bt9.trace.gz"), Compression.GZIP,
        branches);
    long total = branches.get(branches.size() - 1).position();
    long warmup = total * warmupEighths / 8;
    long max = maxEighths == 0 ? Long.MAX_VALUE : total * maxEighths / 8;
    List<String> args = new ArrayList<>(List.of("run", "-t", trace.toString(), "-p",
        "bimodal:index_bits=6", "-p", "gshare:history=5,index_bits=7", "--format", "json",
        "--mispredictions", dir.resolve("out").toString(), "--warmup-instructions",
        Long.toString(warmup)));
    if (max != Long.MAX_VALUE) {
      args.addAll(List.of("--max-instructions", Long.toString(max)));
    }
    Cli cli = Cli.run(args.toArray(new String[0]));
    assertEquals(0, cli.exitCode(), "seed " + seed + ": " + cli);
    String prefix = trace.getFileName() + ".";
    Path bimodal = dir.resolve("out").resolve(prefix + "bimodal_index_bits_6_init_2.txt.gz");
    Path gshare = dir.resolve("out").resolve(prefix + "gshare_history_5_index_bits_7_init_2.txt.gz");
    long end = max == Long.MAX_VALUE ? Long.MAX_VALUE : warmup + max;
    long conditionalsInWarmup = branches.stream()
        .filter(b -> b.kind().isConditional() && b.position() <= warmup).count();
    long[] firstIndex = {-1, -1};
    try (ListChecker bimodalLines = new ListChecker(bimodal);
        ListChecker gshareLines = new ListChecker(gshare)) {
      expectedLines(trace, warmup, end, List.of(bimodal(6), gshare(5, 7)), (p, line) -> {
        if (firstIndex[p] < 0) {
          firstIndex[p] = Long.parseLong(line.substring(0, line.indexOf(' ')));
        }
        (p == 0 ? bimodalLines : gshareLines).expect(line);
      });
      assertEquals(mispredictions(cli, 0), bimodalLines.end(), "seed " + seed);
      assertEquals(mispredictions(cli, 1), gshareLines.end(), "seed " + seed);
    }
    assertTrue(mispredictions(cli, 0) > 0, "seed " + seed + ": a window with mispredictions");
    assertTrue(firstIndex[0] >= conditionalsInWarmup && firstIndex[1] >= conditionalsInWarmup,
        "seed " + seed + ": nothing listed from the warmup");
  }

  @Test
  void withoutTheOptionNothingIsWrittenAndTheResultsAreTheSame() throws IOException {
    List<BranchRecord> branches = SampleTraces.branches(7, 3000, SampleTraces.BT9_KINDS);
    Path traces = Files.createDirectory(dir.resolve("traces"));
    Path trace = SampleTraces.bt9(traces.resolve("t.bt9.trace.gz"), Compression.GZIP, branches);
    Cli plain = Cli.run("run", "-t", trace.toString(), "-p", "gshare", "--format", "json");
    assertEquals(0, plain.exitCode(), plain.toString());
    assertEquals(List.of(trace), filesIn(traces), "nothing written beside the trace");
    assertEquals(List.of(traces), filesIn(dir), "nothing written anywhere else in the folder");
    Cli listed = Cli.run("run", "-t", trace.toString(), "-p", "gshare", "--format", "json",
        "--mispredictions", dir.resolve("lists").toString());
    assertEquals(0, listed.exitCode(), listed.toString());
    assertEquals(plain.out(), listed.out(), "the listing replay counts as the plain one");
    assertEquals(1, filesIn(dir.resolve("lists")).size());
  }

  @Test
  void aFolderThatIsAFileIsRefused() throws IOException {
    Path trace = SampleTraces.bt9(dir.resolve("t.bt9.trace.gz"), Compression.GZIP,
        SampleTraces.branches(8, 500, SampleTraces.BT9_KINDS));
    Path file = Files.writeString(dir.resolve("lists"), "not a folder");
    Cli cli = Cli.run("run", "-t", trace.toString(), "-p", "gshare", "--mispredictions",
        file.toString());
    assertEquals(ExitCodes.USER_ERROR, cli.exitCode(), cli.toString());
    assertEquals(List.of("bpsim: " + file + ": --mispredictions names a folder, and this is a "
        + "file"), cli.errLines());
    assertEquals("not a folder", Files.readString(file));
  }

  @Test
  void pairsThatWouldShareAFileAreRefusedBeforeAnythingIsWritten() throws IOException {
    List<BranchRecord> branches = SampleTraces.branches(9, 500, SampleTraces.BT9_KINDS);
    Path trace = SampleTraces.bt9(dir.resolve("t.bt9.trace.gz"), Compression.GZIP, branches);
    Path upper = SampleTraces.bt9(dir.resolve("T.bt9.trace.gz"), Compression.GZIP, branches);
    Path out = dir.resolve("lists");

    Cli sameSpec = Cli.run("run", "-t", trace.toString(), "-p", "gshare", "-p",
        "gshare:history=17", "--mispredictions", out.toString());
    assertEquals(ExitCodes.USER_ERROR, sameSpec.exitCode(), sameSpec.toString());
    assertEquals(List.of("bpsim: --mispredictions: trace t.bt9.trace.gz with " + GSHARE
        + " and trace t.bt9.trace.gz with " + GSHARE + " would both write t.bt9.trace.gz."
        + "gshare_history_17_index_bits_17_init_2.txt.gz (give each predictor once, and traces "
        + "that differ in name)"), sameSpec.errLines());

    Cli sameTrace = Cli.run("run", "-t", trace.toString(), "-t", trace.toString(), "-p",
        "gshare", "--mispredictions", out.toString());
    assertEquals(ExitCodes.USER_ERROR, sameTrace.exitCode(), sameTrace.toString());
    assertTrue(sameTrace.err().contains(trace + " is given twice"), sameTrace.err());

    Cli caseOnly = Cli.run("run", "-t", trace.toString(), "-t", upper.toString(), "-p",
        "bimodal", "--mispredictions", out.toString());
    assertEquals(ExitCodes.USER_ERROR, caseOnly.exitCode(), caseOnly.toString());
    assertTrue(caseOnly.err().contains("would both write"), caseOnly.err());
    assertFalse(Files.exists(out), "refused before the folder is created");

    // Traces of the same file name in two folders are told apart by their folder.
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    Path inA = SampleTraces.bt9(a.resolve("x.bt9.trace.gz"), Compression.GZIP, branches);
    Path inB = SampleTraces.bt9(b.resolve("x.bt9.trace.gz"), Compression.GZIP, branches);
    Cli twoFolders = Cli.run("run", "-t", inA.toString(), "-t", inB.toString(), "-p",
        "bimodal", "--mispredictions", out.toString());
    assertEquals(0, twoFolders.exitCode(), twoFolders.toString());
    assertEquals(List.of(out.resolve("a_x.bt9.trace.gz." + BIMODAL.replaceAll("[:,=]", "_")
        + ".txt.gz"), out.resolve("b_x.bt9.trace.gz.bimodal_index_bits_14_init_2.txt.gz")),
        filesIn(out));
  }

  @Test
  void aFileNameLongerThanFileSystemsAllowIsRefused() throws IOException {
    String name = "t".repeat(200) + ".bt9.trace.gz";
    Path trace = SampleTraces.bt9(dir.resolve(name), Compression.GZIP,
        SampleTraces.branches(13, 500, SampleTraces.BT9_KINDS));
    Path out = dir.resolve("lists");
    Cli cli = Cli.run("run", "-t", trace.toString(), "-p", "gshare", "--mispredictions",
        out.toString());
    assertEquals(ExitCodes.USER_ERROR, cli.exitCode(), cli.toString());
    assertEquals(1, cli.errLines().size(), cli.err());
    assertTrue(cli.err().contains(", 259 bytes, longer than file systems allow (255)"),
        cli.err());
    assertFalse(Files.exists(out));

    Path shorter = SampleTraces.bt9(dir.resolve("t".repeat(190) + ".bt9.trace.gz"),
        Compression.GZIP, SampleTraces.branches(13, 500, SampleTraces.BT9_KINDS));
    Cli fits = Cli.run("run", "-t", shorter.toString(), "-p", "gshare", "--mispredictions",
        out.toString());
    assertEquals(0, fits.exitCode(), fits.toString());
    assertEquals(1, filesIn(out).size());
  }

  @Test
  void aTraceThatFailsLeavesNoListsBehind() throws IOException {
    Path good = SampleTraces.bt9(dir.resolve("good.bt9.trace.gz"), Compression.GZIP,
        SampleTraces.branches(10, 2000, SampleTraces.BT9_KINDS));
    byte[] whole = Files.readAllBytes(SampleTraces.bt9(dir.resolve("whole.bt9.trace"),
        Compression.NONE, SampleTraces.branches(11, 2000, SampleTraces.BT9_KINDS)));
    Path cut = Files.write(dir.resolve("cut.bt9.trace"),
        java.util.Arrays.copyOf(whole, whole.length - 40));
    Path out = Files.createDirectory(dir.resolve("lists"));
    Cli cli = Cli.run("run", "-t", good.toString(), "-t", cut.toString(), "-p", "bimodal",
        "-p", "gshare", "--mispredictions", out.toString(), "-j", "1");
    assertEquals(ExitCodes.USER_ERROR, cli.exitCode(), cli.toString());
    assertEquals(List.of(), filesIn(out), "no list, and no temporary file");
  }

  @Test
  void aPredictorThatFailsGetsNoFileAndTheOthersDo() throws IOException {
    Path jar = TestPluginJar.of(dir.resolve("throwing.jar"), ThrowingProvider.class);
    Path trace = SampleTraces.bt9(dir.resolve("t.bt9.trace.gz"), Compression.GZIP,
        SampleTraces.branches(12, 3000, SampleTraces.BT9_KINDS));
    Path out = Files.createDirectory(dir.resolve("lists"));
    Path stale = Files.writeString(out.resolve("t.bt9.trace.gz.throws_after_100.txt.gz"),
        "from an earlier run");
    Cli cli = Cli.run("run", "--plugin", jar.toString(), "-t", trace.toString(), "-p",
        "throws:after=100", "-p", "bimodal", "--mispredictions", out.toString());
    assertEquals(ExitCodes.PREDICTOR_FAILED, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("predictor throws:after=100 failed on"), cli.err());
    assertEquals(List.of(out.resolve("t.bt9.trace.gz.bimodal_index_bits_14_init_2.txt.gz")),
        filesIn(out), "only the healthy predictor's list; the stale one removed: " + stale);
  }
}
