package org.bpsim.cli;

import org.bpsim.trace.ProjectRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.pipeline.NativeCompilerCache;
import org.bpsim.predictor.cbpnative.NativeBuild;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.BranchRecord;
import org.bpsim.trace.Compression;
import org.bpsim.trace.SharedMaterial;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;
import org.bpsim.trace.text.TextTraceWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code cbp2016:} and {@code cbp2025:} with C++ written for these tests: restatements of
 * bimodal and gshare in each interface mispredict exactly what the Java ones do on the shared
 * traces of every format; a predictor that crashes, aborts or loops fails its rows alone; one
 * that does not compile is a bad spec; the compile cache is used. Skipped without a C++
 * compiler. Programs are cached in a temporary folder (the {@code bpsim.cache.dir} property),
 * never in the user's home.
 */
final class NativePredictorsTest {
  @RegisterExtension
  static final NativeCompilerCache CACHE = new NativeCompilerCache();

  @TempDir
  static Path work;

  private static Path bimodal2016;
  private static Path gshare2016;
  private static Path bimodal2025;
  private static Path gshare2025;

  @BeforeAll
  static void writePredictors() throws IOException {
    bimodal2016 = cbp2016("bimodal2016", "", "counters[pc & MASK]", "");
    gshare2016 = cbp2016("gshare2016", "", "counters[(pc ^ history) & MASK]",
        "history = ((history << 1) | (taken ? 1 : 0)) & MASK;");
    bimodal2025 = cbp2025("bimodal2025", "pc & MASK", "");
    gshare2025 = cbp2025("gshare2025", "(pc ^ history) & MASK",
        "history = ((history << 1) | (taken ? 1 : 0)) & MASK;");
  }

  /** A CBP-2016 predictor with 2^14 (bimodal) or 2^13 (gshare) counters. */
  private static Path cbp2016(String name, String onPredict, String counter, String onUpdate)
      throws IOException {
    int bits = name.startsWith("bimodal") ? 14 : 13;
    String header = """
        #ifndef _PREDICTOR_H_
        #define _PREDICTOR_H_
        #include "utils.h"
        #include "bt9.h"
        #include "bt9_reader.h"
        class PREDICTOR {
          static const UINT64 MASK = (1ull << BITS) - 1;
          UINT64 history = 0;
          unsigned char counters[1 << BITS];
          UINT64 predictions = 0;
          unsigned char& at(UINT64 pc) { return COUNTER_AT; }
         public:
          PREDICTOR() { for (auto& c : counters) c = 2; }
          bool GetPrediction(UINT64 pc) { predictions++; ON_PREDICT return at(pc) >= 2; }
          void UpdatePredictor(UINT64 pc, OpType type, bool taken, bool predicted, UINT64 target);
          void TrackOtherInst(UINT64 pc, OpType type, bool taken, UINT64 target) {}
        };
        #endif
        """.replace("BITS", Integer.toString(bits)).replace("COUNTER_AT", counter)
        .replace("ON_PREDICT", onPredict);
    String source = """
        #include "predictor.h"
        void PREDICTOR::UpdatePredictor(UINT64 pc, OpType type, bool taken, bool predicted,
                                        UINT64 target) {
          unsigned char& c = at(pc);
          if (taken && c < 3) c++;
          if (!taken && c > 0) c--;
          ON_UPDATE
        }
        """.replace("ON_UPDATE", onUpdate);
    Path dir = Files.createDirectories(work.resolve(name));
    Files.writeString(dir.resolve("predictor.h"), header);
    Files.writeString(dir.resolve("predictor.cc"), source);
    return dir;
  }

  /**
   * A CBP-2025 predictor: the index is taken at prediction and kept by seq_no until the branch
   * trains, the history moves at spec_update, as a staged predictor must.
   */
  private static Path cbp2025(String name, String index, String onSpecUpdate)
      throws IOException {
    int bits = name.startsWith("bimodal") ? 14 : 13;
    String source = """
        #include "lib/sim_common_structs.h"
        #include "my_predictor.h"
        #include <cassert>
        #include <unordered_map>
        static const uint64_t MASK = (1ull << BITS) - 1;
        static uint64_t history = 0;
        static unsigned char counters[1 << BITS];
        static std::unordered_map<uint64_t, uint64_t> in_flight;
        void beginCondDirPredictor() { for (auto& c : counters) c = 2; }
        void notify_instr_fetch(uint64_t, uint8_t, uint64_t, const uint64_t) {}
        bool get_cond_dir_prediction(uint64_t seq_no, uint8_t piece, uint64_t pc,
                                     const uint64_t) {
          uint64_t slot = INDEX;
          in_flight[seq_no] = slot;
          return counters[slot] >= 2;
        }
        void spec_update(uint64_t seq_no, uint8_t piece, uint64_t pc, InstClass inst_class,
                         const bool taken, const bool pred_dir, const uint64_t next_pc) {
          assert(is_br(inst_class));
          if (is_cond_br(inst_class)) { ON_SPEC_UPDATE }
        }
        void notify_instr_execute_resolve(uint64_t seq_no, uint8_t piece, uint64_t pc,
            const bool pred_dir, const ExecuteInfo& info, const uint64_t) {
          if (!is_cond_br(info.dec_info.insn_class)) return;
          uint64_t slot = in_flight.at(seq_no);
          in_flight.erase(seq_no);
          unsigned char& c = counters[slot];
          bool taken = info.taken.value();
          if (taken && c < 3) c++;
          if (!taken && c > 0) c--;
        }
        void notify_instr_commit(uint64_t, uint8_t, uint64_t, const bool, const ExecuteInfo&,
                                 const uint64_t) {}
        void endCondDirPredictor() {}
        """.replace("BITS", Integer.toString(bits)).replace("INDEX", index)
        .replace("ON_SPEC_UPDATE", onSpecUpdate);
    Path dir = Files.createDirectories(work.resolve(name));
    Files.writeString(dir.resolve("cond_branch_predictor_interface.cc"), source);
    Files.writeString(dir.resolve("my_predictor.h"), "// headers of its own are found\n");
    return dir;
  }

  private static JsonNode runs(Cli outcome, Path json) throws IOException {
    return new ObjectMapper().readTree(json.toFile()).get("runs");
  }

  /** One trace of each format the shared material has, a window of each. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cbp2016/SHORT_MOBILE-1.bt9.trace.gz", "cbp1/fp_1.bz2",
      "cse240a/x264.bz2", "cbp2/gcc.trace.bz2", "champsim/bzip2.champsimtrace.xz",
      "cbp2025/sample_int_trace.gz"})
  void restatementsMispredictExactlyAsTheJavaOnes(String name) throws IOException {
    Path trace = SharedMaterial.traceOrSkip(name);
    if (name.startsWith("cse240a/")) {
      // a text trace counts no instructions, so no window applies: its head, in its format
      trace = head(trace, work.resolve("x264-head.txt"), 60_000);
    }
    Path json = work.resolve(name.replace('/', '_') + ".json");
    List<String> args = new ArrayList<>(List.of("run", "-t", trace.toString(), "--format",
        "json", "-o", json.toString(),
        "-p", "bimodal:index_bits=14", "-p", "cbp2016:dir=" + bimodal2016,
        "-p", "cbp2025:dir=" + bimodal2025,
        "-p", "gshare:history=13,index_bits=13", "-p", "cbp2016:dir=" + gshare2016,
        "-p", "cbp2025:dir=" + gshare2025));
    if (!name.startsWith("cbp1/") && !name.startsWith("cse240a/")) {
      // text traces count no instructions: fp_1 is small and runs whole
      args.addAll(List.of("--max-instructions", "400000"));
    }
    Cli outcome = Cli.run(args.toArray(String[]::new));
    assertEquals(0, outcome.exitCode(), outcome.toString());
    JsonNode runs = runs(outcome, json);
    assertEquals(6, runs.size(), runs.toString());
    assertTrue(runs.get(0).get("conditional_branches").asLong() > 1000, runs.toString());
    for (int base : new int[] {0, 3}) {
      long java = runs.get(base).get("mispredictions").asLong();
      assertTrue(java > 0, runs.toString());
      for (int p = base + 1; p < base + 3; p++) {
        assertTrue(runs.get(p).get("error").isNull(), runs.get(p).toString());
        assertEquals(java, runs.get(p).get("mispredictions").asLong(), runs.toString());
        assertEquals("cbp20" + (p % 3 == 1 ? "16" : "25") + ":dir=" + (p < 3
            ? (p == 1 ? bimodal2016 : bimodal2025) : (p == 4 ? gshare2016 : gshare2025)),
            runs.get(p).get("predictor").asText(), "the path as given");
      }
    }
  }

  /** The first {@code count} branches of a seven-column text trace, written back as one. */
  private static Path head(Path trace, Path into, int count) throws IOException {
    if (Files.exists(into)) {
      return into;
    }
    List<BranchRecord> branches = new ArrayList<>();
    try (TraceReader reader = TraceOpener.branches(trace)) {
      BranchBatch batch = new BranchBatch();
      while (branches.size() < count && reader.read(batch) > 0) {
        for (int i = 0; i < batch.size() && branches.size() < count; i++) {
          branches.add(batch.recordAt(i));
        }
      }
    }
    return SampleTraces.text(into, Compression.NONE, TextTraceWriter.Layout.SEVEN_COLUMNS,
        branches);
  }

  private Path conditionalTrace(Path dir) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30000; i++) {
      text.append(Long.toHexString(0x1000 + 4 * (i % 37))).append(' ')
          .append(i % 5 == 3 ? 0 : 1).append('\n');
    }
    return Files.writeString(dir.resolve("branches.txt"), text.toString());
  }

  @Test
  void aCrashAnAbortAndALoopFailTheirRowsAlone(@TempDir Path dir) throws IOException {
    Path segv = cbp2016("segv", "if (predictions == 20000) *(volatile int*)0 = 1;",
        "counters[pc & MASK]", "");
    Path abort = cbp2016("abort", "if (predictions == 20000) abort();", "counters[pc & MASK]",
        "");
    Path loop = cbp2016("loop", "if (predictions == 20000) for (volatile int i = 0; ; ) i++;",
        "counters[pc & MASK]", "");
    Path trace = conditionalTrace(dir);
    Path alone = dir.resolve("alone.json");
    assertEquals(0, Cli.run("run", "-t", trace.toString(), "-p", "gshare", "-p",
        "cbp2016:dir=" + bimodal2016, "--format", "json", "-o", alone.toString()).exitCode());
    Path json = dir.resolve("faults.json");
    Cli outcome = Cli.run("run", "-t", trace.toString(), "--predictor-timeout", "1s",
        "-p", "cbp2016:dir=" + segv, "-p", "gshare", "-p", "cbp2016:dir=" + abort,
        "-p", "cbp2016:dir=" + loop, "-p", "cbp2016:dir=" + bimodal2016,
        "--format", "json", "-o", json.toString());
    assertEquals(ExitCodes.PREDICTOR_FAILED, outcome.exitCode(), outcome.toString());
    JsonNode runs = runs(outcome, json);
    JsonNode good = runs(null, alone);
    assertTrue(runs.get(0).get("error").asText().contains("killed by signal 11 (SIGSEGV"),
        runs.toString());
    assertTrue(runs.get(2).get("error").asText().contains("killed by signal 6 (SIGABRT"),
        runs.toString());
    assertTrue(runs.get(3).get("error").asText().contains("made no progress for 1s"),
        runs.toString());
    for (int p : new int[] {0, 2, 3}) {
      assertTrue(runs.get(p).get("mispredictions").isNull(), runs.get(p).toString());
    }
    assertEquals(good.get(0).get("mispredictions"), runs.get(1).get("mispredictions"));
    assertEquals(good.get(1).get("mispredictions"), runs.get(4).get("mispredictions"));
    assertTrue(runs.get(4).get("error").isNull(), runs.toString());
  }

  /** The README's example, examples/cbp2016-gshare, is bpsim's gshare. */
  @Test
  void theReadmeExampleIsBpsimsGshare(@TempDir Path dir) throws IOException {
    Path trace = SharedMaterial.traceOrSkip("cbp2016/SHORT_MOBILE-1.bt9.trace.gz");
    Path example = ProjectRoot.resolve("examples/cbp2016-gshare");
    assertTrue(Files.isRegularFile(example.resolve("predictor.h")), example.toString());
    Path json = dir.resolve("example.json");
    Cli outcome = Cli.run("run", "-t", trace.toString(), "--max-instructions", "3000000",
        "-p", "cbp2016:dir=" + example, "-p", "gshare", "--format", "json", "-o",
        json.toString());
    assertEquals(0, outcome.exitCode(), outcome.toString());
    JsonNode runs = runs(outcome, json);
    assertTrue(runs.get(1).get("mispredictions").asLong() > 1000, runs.toString());
    assertEquals(runs.get(1).get("mispredictions"), runs.get(0).get("mispredictions"));
  }

  @Test
  void aPredictorThatDoesNotCompileIsABadSpecWithTheCompilersMessage(@TempDir Path dir)
      throws IOException {
    Path bad = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(bad.resolve("predictor.h"), "class PREDICTOR { int x = undeclared_name; };\n");
    Cli outcome = Cli.run("run", "-t", conditionalTrace(dir).toString(), "-p", "gshare",
        "-p", "cbp2016:dir=" + bad);
    assertEquals(ExitCodes.USER_ERROR, outcome.exitCode(), outcome.toString());
    assertTrue(outcome.err().contains(bad + " does not compile"), outcome.toString());
    assertTrue(outcome.err().contains("undeclared_name"), outcome.toString());
    assertTrue(outcome.err().contains("error"), outcome.toString());
    assertTrue(outcome.out().isEmpty(), outcome.toString());
  }

  @Test
  void theCacheIsReusedAndAChangedSourceOrFlagRecompiles() throws IOException {
    Path dir = cbp2016("cached", "", "counters[pc & MASK]", "");
    PredictorRegistry registry = PredictorRegistry.builtIn();
    int before = NativeBuild.compilations();
    registry.resolve("cbp2016:dir=" + dir);
    assertEquals(before + 1, NativeBuild.compilations());
    registry.resolve("cbp2016:dir=" + dir + ",name=again");
    assertEquals(before + 1, NativeBuild.compilations(), "the second use compiles nothing");
    Files.writeString(dir.resolve("predictor.cc"), "\n// changed\n", java.nio.file.StandardOpenOption.APPEND);
    registry.resolve("cbp2016:dir=" + dir);
    assertEquals(before + 2, NativeBuild.compilations(), "a changed source recompiles");
    registry.resolve("cbp2016:dir=" + dir + ",cxxflags=\"-O2 -Wl,-O1\"");
    assertEquals(before + 3, NativeBuild.compilations(), "other flags recompile");
    registry.resolve("cbp2016:dir=" + dir + ",cxxflags=\"-O2 -Wl,-O1\"");
    assertEquals(before + 3, NativeBuild.compilations());
    try (var files = Files.list(CACHE.folder().resolve("native"))) {
      List<Path> programs = new ArrayList<>(files.filter(p -> p.getFileName().toString()
          .startsWith("cbp2016-")).toList());
      assertTrue(programs.size() >= 3, programs.toString());
    }
  }

  @Test
  void nameLabelsTheRowAndTheListingShowsTheNativeKinds(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("named.json");
    Cli outcome = Cli.run("run", "-t", conditionalTrace(dir).toString(), "-p",
        "cbp2016:dir=" + gshare2016 + ",name=my-gshare,storage_bits=16384", "--format", "json",
        "-o", json.toString());
    assertEquals(0, outcome.exitCode(), outcome.toString());
    JsonNode row = runs(outcome, json).get(0);
    assertEquals("my-gshare", row.get("predictor").asText());
    assertEquals(16384, row.get("storage_bits").asLong());
    Cli listing = Cli.run("predictors");
    assertEquals(0, listing.exitCode(), listing.toString());
    for (String expected : List.of("cbp2016  -", "cbp2025  -", "cbp2016:dir=PATH", "cxxflags")) {
      assertTrue(listing.out().contains(expected), expected + " in\n" + listing.out());
    }
  }

  @Test
  void withoutStorageBitsTheStorageIsUnknownNeverZero(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("unknown.json");
    Path trace = conditionalTrace(dir);
    Cli outcome = Cli.run("run", "-t", trace.toString(), "-p", "cbp2016:dir=" + gshare2016,
        "-p", "cbp2025:dir=" + gshare2025, "-p", "gshare", "--format", "json", "-o",
        json.toString());
    assertEquals(0, outcome.exitCode(), outcome.toString());
    JsonNode runs = runs(outcome, json);
    assertTrue(runs.get(0).get("storage_bits").isNull(), runs.toString());
    assertTrue(runs.get(1).get("storage_bits").isNull(), runs.toString());
    assertTrue(runs.get(2).get("storage_bits").asLong() > 0, runs.toString());
    Cli table = Cli.run("run", "-t", trace.toString(), "-p", "cbp2016:dir=" + gshare2016);
    assertEquals(0, table.exitCode(), table.toString());
    String row = table.out().lines().filter(l -> l.contains("cbp2016:dir=")).findFirst()
        .orElseThrow();
    assertTrue(row.strip().endsWith("n/a"), row);
  }
}
