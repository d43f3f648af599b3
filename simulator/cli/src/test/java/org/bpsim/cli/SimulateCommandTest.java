package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.machine.Machines;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SimulateCommandTest {
  @TempDir
  Path folder;

  @Test
  void configsListsEveryPresetAndShowsItsJson() throws IOException {
    Cli listing = Cli.run("configs");
    assertEquals(0, listing.exitCode(), listing.err());
    for (String preset : Machines.PRESETS) {
      assertTrue(listing.out().contains(preset + " "), listing.out());
      Cli shown = Cli.run("configs", "--show", preset);
      assertEquals(0, shown.exitCode());
      Path file = folder.resolve(preset + ".json");
      Files.writeString(file, shown.out());
      assertEquals(Machines.preset(preset), Machines.load(file.toString()));
    }
  }

  @Test
  void bothLlcModesAreReportedSideBySideInJson() throws Exception {
    Path sample = SharedMaterial.traceOrSkip("cbp2025/sample_int_trace.gz");
    Cli outcome = Cli.run("simulate", "-t", sample.toString(), "-t", sample.toString(),
        "--machine", "small", "--llc", "both", "--max-instructions", "50000", "--format",
        "json");
    assertEquals(0, outcome.exitCode(), outcome.err());
    JsonNode root = new ObjectMapper().readTree(outcome.out());
    assertEquals("shared", root.get("runs").get(0).get("llc").asText());
    assertEquals("private", root.get("runs").get(1).get("llc").asText());
    assertEquals(2, root.get("runs").get(0).get("cores").size());
    JsonNode core = root.get("runs").get(0).get("cores").get(0);
    assertEquals(50000, core.get("instructions").asLong());
    assertTrue(core.get("cpi_stack").has("memory"));
    assertTrue(root.has("shared_minus_private"));
    JsonNode branches = core.get("branches");
    JsonNode byType = branches.get("mispredictions_by_type");
    List<String> keys = new ArrayList<>();
    byType.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("conditional", "direct_jump", "indirect_jump", "direct_call",
        "indirect_call", "return"), keys);
    long counted = 0;
    for (String key : keys) {
      counted += byType.get(key).asLong();
    }
    // A branch counts once, under one type; every mispredicted branch here has one of the six.
    assertEquals(branches.get("direction_mispredictions").asLong()
        + branches.get("target_mispredictions").asLong(), counted, branches.toString());
    assertTrue(byType.get("conditional").asLong() > 0, branches.toString());
  }

  /**
   * One JSON key style: the simulate document's keys are snake_case, and the figures
   * pipeline.json also holds carry its names.
   */
  @Test
  void theJsonKeysAreSnakeCaseAndTheSameAsPipelineJson() throws Exception {
    Path sample = SharedMaterial.traceOrSkip("cbp2025/sample_int_trace.gz");
    Cli outcome = Cli.run("simulate", "-t", sample.toString(), "-t", sample.toString(),
        "--machine", "small", "--llc", "both", "--max-instructions", "20000", "--format",
        "json");
    assertEquals(0, outcome.exitCode(), outcome.err());
    JsonNode root = new ObjectMapper().readTree(outcome.out());
    JsonKeys.assertSnakeCase(root, "cpi_stack");
    JsonNode run = root.get("runs").get(0);
    assertTrue(run.has("weighted_speedup") && run.has("harmonic_speedup"), run.toString());
    JsonNode core = run.get("cores").get(0);
    for (String key : List.of("ipc_alone", "cpi_stack", "llc_occupancy",
        "inter_core_evictions")) {
      assertTrue(core.has(key), key + " in " + core);
    }
    for (String key : List.of("direction_mispredictions", "target_mispredictions",
        "return_mispredictions", "mispredictions_by_type")) {
      assertTrue(core.get("branches").has(key), key + " in " + core.get("branches"));
    }
    assertTrue(core.get("caches").get("data").get(0).has("prefetch_misses"), core.toString());
    assertTrue(root.get("shared_minus_private").has("weighted_speedup"), root.toString());
    for (String old : List.of("cpiStack", "weightedSpeedup", "ipcAlone",
        "directionMispredictions", "sharedMinusPrivate", "prefetchMisses")) {
      assertFalse(outcome.out().contains('"' + old + '"'), old);
    }
  }

  @Test
  void aTraceWithoutMemoryAddressesIsOneLineAndExitCode2() throws IOException {
    Path text = folder.resolve("branches.txt");
    Files.writeString(text, "400000 1\n400010 0\n");
    Path output = folder.resolve("out.json");
    Cli outcome = Cli.run("simulate", "-t", text.toString(), "-o", output.toString());
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().startsWith("bpsim: " + text + ": byte 0: timing simulation needs"),
        outcome.err());
    assertFalse(outcome.err().contains("\tat "));
    assertFalse(Files.exists(output));
  }

  @Test
  void badMachineAndModeAreUserErrors() throws IOException {
    Path trace = folder.resolve("t.gz");
    Files.write(trace, new byte[] {1});
    assertEquals(2, Cli.run("simulate", "-t", trace.toString(), "--machine", "huge").exitCode());
    assertEquals(2, Cli.run("simulate", "-t", trace.toString(), "--llc", "sometimes").exitCode());
    Path machine = folder.resolve("m.json");
    Files.writeString(machine, "{\"core\": {}}");
    Cli outcome = Cli.run("simulate", "-t", trace.toString(), "--machine", machine.toString());
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().startsWith("bpsim: " + machine + ": "), outcome.err());
  }

  /** The champsim preset's own keys: a bad value is one line naming the key, exit code 2. */
  @Test
  void badValuesOfTheChampSimCoreKeysAreRefusedNamingTheKey() throws IOException {
    String text = Cli.run("configs", "--show", "champsim").out();
    Path trace = folder.resolve("t.gz");
    Files.write(trace, new byte[] {1});
    String[][] cases = {
        {"\"retire_width\": 5", "\"retire_width\": -1", "retire_width"},
        {"\"register_file_size\": 128", "\"register_file_size\": 1.5", "register_file_size"},
        {"\"scheduler_size\": 128", "\"scheduler_size\": -3", "scheduler_size"},
        {"\"count_merged_misses\": true", "\"count_merged_misses\": 1", "count_merged_misses"},
    };
    for (String[] c : cases) {
      assertTrue(text.contains(c[0]), text);
      Path machine = folder.resolve(c[2] + ".json");
      Files.writeString(machine, text.replace(c[0], c[1]));
      Cli outcome = Cli.run("simulate", "-t", trace.toString(), "--machine", machine.toString());
      assertEquals(2, outcome.exitCode(), outcome.toString());
      assertEquals(1, outcome.errLines().size(), outcome.err());
      assertTrue(outcome.err().contains(c[2]), outcome.err());
    }
  }

  @Test
  void aMachineFileWithAKeyGivenTwiceIsRefusedNamingTheKey() throws IOException {
    Cli shown = Cli.run("configs", "--show", "small");
    String text = shown.out();
    int width = text.indexOf("\"width\"");
    assertTrue(width > 0, text);
    // The same key again, with another value: before, the last value silently won.
    String twice = text.substring(0, width) + "\"width\": 1,\n    " + text.substring(width);
    Path machine = folder.resolve("twice.json");
    Files.writeString(machine, twice);
    Path trace = folder.resolve("t.gz");
    Files.write(trace, new byte[] {1});
    Cli outcome = Cli.run("simulate", "-t", trace.toString(), "--machine", machine.toString());
    assertEquals(2, outcome.exitCode(), outcome.toString());
    assertEquals(1, outcome.errLines().size(), outcome.err());
    assertTrue(outcome.err().startsWith("bpsim: " + machine + ": line "), outcome.err());
    assertTrue(outcome.err().contains("key 'width' is given twice"), outcome.err());
    Path cacheTrace = folder.resolve("mem.txt");
    Files.writeString(cacheTrace, "r 1000\n");
    Cli cache = Cli.run("cache", "-t", cacheTrace.toString(), "--machine", machine.toString());
    assertEquals(2, cache.exitCode(), cache.toString());
    assertTrue(cache.err().contains("key 'width' is given twice")
        || cache.err().contains("is given twice"), cache.err());
  }
}
