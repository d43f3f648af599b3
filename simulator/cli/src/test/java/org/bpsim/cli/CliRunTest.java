package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.bpsim.predictor.gshare.GsharePredictor;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.trace.BranchRecord;
import org.bpsim.trace.Compression;
import org.bpsim.trace.text.TextTraceWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bpsim run} on small traces written by bpsim's writers: every output format. */
final class CliRunTest {
  /** The keys issue 2 documents, then "error" (null unless a plugin predictor failed). */
  private static final List<String> JSON_KEYS = List.of("trace", "predictor", "instructions",
      "branches", "conditional_branches", "mispredictions", "accuracy", "mpki", "storage_bits",
      "error");
  private static final String GSHARE = "gshare:history=8,index_bits=10";
  private static final String GSHARE_CANONICAL = "gshare:history=8,index_bits=10,init=2";

  @TempDir
  Path folder;

  private List<BranchRecord> branches;
  private Path bt9;
  private Path text;

  @BeforeEach
  void writeTraces() throws IOException {
    branches = SampleTraces.branches(42, 3000, SampleTraces.BT9_KINDS);
    bt9 = SampleTraces.bt9(folder.resolve("sample.bt9.trace.gz"), Compression.GZIP, branches);
    List<BranchRecord> conditional = SampleTraces.branches(43, 2000,
        List.of(BranchKind.CONDITIONAL));
    text = SampleTraces.text(folder.resolve("sample.txt.bz2"), Compression.BZIP2,
        TextTraceWriter.Layout.TWO_COLUMNS, conditional);
  }

  @Test
  void jsonHasExactlyTheDocumentedKeysAndMatchesAnIndependentGshare() throws IOException {
    Cli cli = Cli.run("run", "-t", bt9.toString(), "-p", GSHARE, "-p", "bimodal",
        "--format", "json");
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode root = new ObjectMapper().readTree(cli.out());
    assertEquals(List.of("runs"), fieldNames(root));
    JsonNode runs = root.get("runs");
    assertEquals(2, runs.size());
    for (JsonNode run : runs) {
      assertEquals(JSON_KEYS, fieldNames(run), cli.out());
    }
    JsonNode gshare = runs.get(0);
    long conditionals = branches.stream().filter(b -> b.kind().isConditional()).count();
    long instructions = branches.get(branches.size() - 1).position();
    long mispredictions = referenceMispredictions(new GsharePredictor(8, 10, 2));
    assertEquals(bt9.toString(), gshare.get("trace").asText());
    assertEquals(GSHARE_CANONICAL, gshare.get("predictor").asText());
    assertEquals(instructions, gshare.get("instructions").asLong());
    assertEquals(branches.size(), gshare.get("branches").asLong());
    assertEquals(conditionals, gshare.get("conditional_branches").asLong());
    assertEquals(mispredictions, gshare.get("mispredictions").asLong());
    assertEquals(1.0 - (double) mispredictions / conditionals,
        gshare.get("accuracy").asDouble(), 1e-6);
    assertEquals(1000.0 * mispredictions / instructions, gshare.get("mpki").asDouble(), 1e-4);
    assertEquals((1 << 10) * 2 + 8, gshare.get("storage_bits").asLong());
    assertEquals("bimodal:index_bits=14,init=2", runs.get(1).get("predictor").asText());
  }

  @Test
  void jsonMpkiIsNullWithoutInstructionCountsAndUsesInstructionsWhenGiven() throws IOException {
    Cli unknown = Cli.run("run", "-t", text.toString(), "-p", "bimodal", "--format", "json");
    assertEquals(0, unknown.exitCode(), unknown.toString());
    JsonNode run = new ObjectMapper().readTree(unknown.out()).get("runs").get(0);
    assertTrue(run.get("mpki").isNull(), unknown.out());
    assertTrue(run.get("instructions").isNull(), unknown.out());

    Cli known = Cli.run("run", "-t", text.toString(), "-p", "bimodal", "--format", "json",
        "--instructions", "100000");
    assertEquals(0, known.exitCode(), known.toString());
    JsonNode counted = new ObjectMapper().readTree(known.out()).get("runs").get(0);
    assertEquals(100000, counted.get("instructions").asLong());
    assertEquals(counted.get("mispredictions").asLong() / 100.0, counted.get("mpki").asDouble(),
        1e-4);
  }

  @Test
  void csvHasTheJsonColumnsAndOneRowPerTraceAndPredictor() {
    Cli cli = Cli.run("run", "-t", bt9.toString(), "-t", text.toString(), "-p", GSHARE, "-p",
        "bimodal", "--format", "csv", "--jobs", "2");
    assertEquals(0, cli.exitCode(), cli.toString());
    String[] lines = cli.out().split("\n");
    assertEquals(String.join(",", JSON_KEYS), lines[0]);
    assertEquals(5, lines.length, cli.out());
    assertTrue(lines[1].startsWith(bt9 + ",\"" + GSHARE_CANONICAL + "\","), lines[1]);
    assertTrue(lines[3].startsWith(text + ",\"" + GSHARE_CANONICAL + "\","), lines[3]);
    assertTrue(lines[3].contains(",,"), "unknown instructions and MPKI are empty: " + lines[3]);
  }

  @Test
  void tableIsTheDefaultAndAlignsItsColumns() {
    Cli cli = Cli.run("run", "-t", bt9.toString(), "-p", GSHARE, "-p", "bimodal");
    assertEquals(0, cli.exitCode(), cli.toString());
    List<String> lines = cli.out().lines().filter(l -> !l.isBlank()).toList();
    assertTrue(lines.get(0).contains("predictor") && lines.get(0).contains("MPKI"), cli.out());
    assertTrue(cli.out().contains(GSHARE_CANONICAL), cli.out());
    assertEquals(1, cli.errLines().size(), "only the throughput line on stderr: " + cli.err());
  }

  @Test
  void outputFileHoldsExactlyWhatStandardOutputWouldAndNothingElseIsLeft() throws IOException {
    Path outputs = Files.createDirectory(folder.resolve("out"));
    Path file = outputs.resolve("results.json");
    Files.writeString(file, "stale content that must be replaced");
    Cli toFile = Cli.run("run", "-t", bt9.toString(), "-p", GSHARE, "--format", "json",
        "--output", file.toString());
    assertEquals(0, toFile.exitCode(), toFile.toString());
    assertEquals("", toFile.out());
    Cli toStdout = Cli.run("run", "-t", bt9.toString(), "-p", GSHARE, "--format", "json");
    assertEquals(toStdout.out(), Files.readString(file));
    try (Stream<Path> left = Files.list(outputs)) {
      assertEquals(List.of(file), left.toList(), "no temporary files beside the output");
    }
  }

  @Test
  void warmupAndMaxInstructionsCountOnlyTheirRegion() throws IOException {
    long total = branches.get(branches.size() - 1).position();
    long warmup = total / 3;
    long max = total / 3;
    Cli cli = Cli.run("run", "-t", bt9.toString(), "-p", GSHARE, "--format", "json",
        "--warmup-instructions", Long.toString(warmup), "--max-instructions",
        Long.toString(max));
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode run = new ObjectMapper().readTree(cli.out()).get("runs").get(0);
    long inRegion = branches.stream()
        .filter(b -> b.position() > warmup && b.position() <= warmup + max).count();
    assertEquals(max, run.get("instructions").asLong());
    assertEquals(inRegion, run.get("branches").asLong());
  }

  /** The simulation loop written out plainly, to check the engine against. */
  private long referenceMispredictions(BranchPredictor predictor) {
    long missed = 0;
    for (BranchRecord b : branches) {
      if (b.kind().isConditional() && predictor.predict(b.pc()) != b.taken()) {
        missed++;
      }
      predictor.update(b.pc(), b.target(), b.kind(), b.taken());
    }
    return missed;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
