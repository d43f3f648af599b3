package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bpsim.machine.MachineConfig;
import org.bpsim.machine.Machines;
import org.bpsim.pipeline.CoreResult;
import org.bpsim.pipeline.LlcMode;
import org.bpsim.pipeline.Simulation;
import org.bpsim.pipeline.SimulationResult;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare --machine}: the timing model's section of the report. */
final class ComparePipelineTest {
  private static final String BIMODAL = "bimodal:index_bits=4";
  private static final String GSHARE = "gshare:history=6,index_bits=8";

  @TempDir
  Path dir;
  private Path traces;
  private final List<Path> champsim = new ArrayList<>();

  @BeforeEach
  void writeTraces() throws IOException {
    traces = dir.resolve("traces");
    champsim.add(SmallChampSimTraces.write(traces, "alpha.champsimtrace", 1, 30_000, 12_000));
    champsim.add(SmallChampSimTraces.write(traces, "beta.champsimtrace", 2, 20_000, 3_000));
    champsim.add(SmallChampSimTraces.write(traces, "gamma.champsimtrace", 3, 25_000, 20_000));
    SmallTraces.write(traces, "delta.txt", 4, 2_000);
  }

  private Cli compare(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("compare", "-t", traces.toString(), "-p",
        BIMODAL, "-p", GSHARE, "--out", out.toString()));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(new String[0]));
  }

  @Test
  void theReportShowsIpcCpiStacksAndSharedVersusPrivateLlc() throws IOException {
    Path out = dir.resolve("report");
    Cli run = compare(out, "--machine", "small");
    assertEquals(0, run.exitCode(), run.toString());
    for (String file : List.of("pipeline.json", "ipc.svg", "cpi-stack.svg", "llc-ipc.svg")) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file + " missing");
    }
    String page = Files.readString(out.resolve("index.html"));
    assertTrue(page.contains("<section id=\"pipeline\">"), "pipeline section missing");
    for (String chart : List.of("ipc", "cpi-stack", "llc-ipc")) {
      assertTrue(page.contains("<svg id='" + chart + "'"), chart + " chart missing");
    }
    assertTrue(page.contains("Not run (no instruction stream): delta.txt"), "skipped trace");
    assertTrue(page.contains("Shared versus private last-level cache, 2 cores"),
        "three traces do not split the 512 KB LLC, so two run together");
    String summary = Files.readString(out.resolve("summary.md"));
    assertTrue(summary.contains("## Pipeline model (machine `small`)"), summary);

    Path plain = dir.resolve("plain");
    assertEquals(0, compare(plain).exitCode());
    assertArrayEquals(Files.readAllBytes(plain.resolve("results.json")),
        Files.readAllBytes(out.resolve("results.json")), "results.json keeps the run schema");
    assertArrayEquals(Files.readAllBytes(plain.resolve("results.csv")),
        Files.readAllBytes(out.resolve("results.csv")));
    assertFalse(Files.exists(plain.resolve("pipeline.json")), "no timing model by default");
    assertFalse(Files.readString(plain.resolve("index.html")).contains("id=\"pipeline\""));
  }

  @Test
  void figuresAreThoseOfADirectSimulation() throws IOException {
    Path out = dir.resolve("report");
    assertEquals(0, compare(out, "--machine", "small").exitCode());
    JsonNode root = new ObjectMapper().readTree(out.resolve("pipeline.json").toFile());
    assertEquals("small", root.get("machine").asText());
    assertEquals("delta.txt", root.get("skipped").get(0).asText());

    MachineConfig machine = Machines.preset("small");
    PredictorRegistry registry = PredictorRegistry.builtIn();
    List<PredictorConfig> predictors = List.of(registry.resolve(BIMODAL),
        registry.resolve(GSHARE));
    JsonNode single = root.get("single_core");
    assertEquals(champsim.size() * predictors.size(), single.size());
    int row = 0;
    for (Path trace : champsim) {
      for (PredictorConfig predictor : predictors) {
        CoreResult expected = simulation(machine, registry, predictor)
            .run(List.of(trace), LlcMode.SHARED).get(0);
        JsonNode actual = single.get(row++);
        assertEquals(trace.getFileName().toString(), actual.get("trace").asText());
        assertEquals(predictor.canonicalSpec(), actual.get("predictor").asText());
        assertCore(expected, actual);
      }
    }

    JsonNode multi = root.get("multi_core");
    assertEquals(2, multi.size(), "--llc defaults to both");
    List<Path> together = champsim.subList(0, 2);
    int mode = 0;
    for (LlcMode llc : List.of(LlcMode.SHARED, LlcMode.PRIVATE)) {
      SimulationResult expected = simulation(machine, registry, predictors.get(0))
          .runWithBaselines(together, llc, predictors.get(0).canonicalSpec());
      JsonNode actual = multi.get(mode++);
      assertEquals(llc.id(), actual.get("llc").asText());
      assertEquals(predictors.get(0).canonicalSpec(), actual.get("predictor").asText(),
          "the multi-core run uses the baseline");
      assertEquals(expected.weightedSpeedup(), actual.get("weighted_speedup").asDouble());
      for (int core = 0; core < together.size(); core++) {
        JsonNode c = actual.get("cores").get(core);
        assertEquals(core, c.get("core").asInt());
        assertCore(expected.cores().get(core), c);
        assertEquals(expected.ipcAlone().get(core), c.get("ipc_alone").asDouble());
      }
    }
  }

  private static Simulation simulation(MachineConfig machine, PredictorRegistry registry,
      PredictorConfig predictor) {
    return new Simulation(machine, () -> registry.create(predictor), true, 0, Long.MAX_VALUE);
  }

  private static void assertCore(CoreResult expected, JsonNode actual) {
    assertEquals(expected.instructions(), actual.get("instructions").asLong());
    assertEquals(expected.cycles(), actual.get("cycles").asLong());
    assertEquals(expected.ipc(), actual.get("ipc").asDouble());
    JsonNode stack = actual.get("cpi_stack");
    Iterator<String> names = stack.fieldNames();
    for (Map.Entry<String, Double> part : expected.cpiStack().entrySet()) {
      assertEquals(part.getKey(), names.next());
      assertEquals(part.getValue(), stack.get(part.getKey()).asDouble(), part.getKey());
    }
    assertFalse(names.hasNext());
    JsonNode byType = actual.get("mispredictions_by_type");
    Iterator<String> types = byType.fieldNames();
    for (Map.Entry<String, Long> type : expected.mispredictionsByType().entrySet()) {
      assertEquals(type.getKey(), types.next());
      assertEquals(type.getValue(), byType.get(type.getKey()).asLong(), type.getKey());
    }
    assertFalse(types.hasNext());
  }

  @Test
  void pipelineJsonAndChartsAreByteIdenticalAcrossRuns() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    assertEquals(0, compare(first, "--machine", "small", "--llc", "private").exitCode());
    assertEquals(0, compare(second, "--machine", "small", "--llc", "private", "-j", "1")
        .exitCode());
    for (String file : List.of("pipeline.json", "summary.md", "ipc.svg", "cpi-stack.svg",
        "llc-ipc.svg")) {
      assertArrayEquals(Files.readAllBytes(first.resolve(file)),
          Files.readAllBytes(second.resolve(file)), file + " differs between runs");
    }
    JsonNode multi = new ObjectMapper().readTree(first.resolve("pipeline.json").toFile())
        .get("multi_core");
    assertEquals(1, multi.size());
    assertEquals("private", multi.get(0).get("llc").asText());
  }

  @Test
  void reportRendersThePipelineSectionAgainFromPipelineJson() throws IOException {
    Path first = dir.resolve("first");
    assertEquals(0, compare(first, "--machine", "small").exitCode());
    Path again = dir.resolve("again");
    Cli report = Cli.run("report", first.toString(), "--out", again.toString());
    assertEquals(0, report.exitCode(), report.toString());
    for (String file : List.of("pipeline.json", "cpi-stack.svg", "llc-ipc.svg")) {
      assertArrayEquals(Files.readAllBytes(first.resolve(file)),
          Files.readAllBytes(again.resolve(file)), file + " differs after bpsim report");
    }
    assertTrue(Files.readString(again.resolve("index.html"))
        .contains("<section id=\"pipeline\">"));
  }

  @Test
  void badMachineOrLlcIsOneLineAndExitTwo() {
    Path out = dir.resolve("report");
    Cli noMachine = compare(out, "--llc", "shared");
    assertEquals(2, noMachine.exitCode(), noMachine.toString());
    assertTrue(noMachine.err().contains("--llc needs --machine"), noMachine.err());
    Cli badMode = compare(out, "--machine", "small", "--llc", "sometimes");
    assertEquals(2, badMode.exitCode());
    assertTrue(badMode.err().contains("--llc must be shared, private or both"), badMode.err());
    Cli badMachine = compare(out, "--machine", "no-such-machine");
    assertEquals(2, badMachine.exitCode());
    assertEquals(1, badMachine.errLines().size(), badMachine.err());
    assertTrue(badMachine.err().contains("no-such-machine"), badMachine.err());
    assertFalse(Files.exists(out), "no report after a bad argument");
  }
}
