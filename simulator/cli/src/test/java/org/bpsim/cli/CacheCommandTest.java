package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CacheCommandTest {
  @TempDir
  Path folder;

  @Test
  void reproducesAReferenceOutputFromTheCommandLine() throws IOException {
    Path expected = SharedMaterial.referenceOrSkip("cache-validation/validation6.txt");
    Path trace = SharedMaterial.folder().resolve("traces/memory/gcc_trace.txt");
    Cli outcome = Cli.run("cache", "-t", trace.toString(),
        "--block-size", "16", "--l1-size", "1024", "--l1-assoc", "2", "--l2-size", "8192",
        "--l2-assoc", "4", "--replacement", "lru", "--inclusion", "inclusive");
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertEquals(Files.readString(expected), outcome.out());
  }

  @Test
  void machineFileDescribesAnyDepthAndJsonReportsIt() throws IOException {
    Path trace = folder.resolve("t.txt");
    Files.writeString(trace, "r 0\nw 40\nr 1000\nr 0\n");
    Path machine = folder.resolve("m.json");
    Files.writeString(machine, """
        {"caches": {"line_bytes": 64, "inclusion": "inclusive", "data": [
          {"name": "L1D", "size_bytes": 1024, "ways": 2},
          {"name": "L2", "size_bytes": 4096, "ways": 4, "replacement": "srrip"},
          {"name": "LLC", "size_bytes": 16384, "ways": 8, "replacement": "drrip"}]}}
        """);
    Cli outcome = Cli.run("cache", "-t", trace.toString(), "--machine", machine.toString(),
        "--format", "json");
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(outcome.out().contains("\"name\" : \"LLC\""), outcome.out());
    assertTrue(outcome.out().contains("\"traffic\" : 3"), outcome.out());
  }

  /** One JSON key style: snake_case keys, none of the camelCase ones of before. */
  @Test
  void theJsonKeysAreSnakeCase() throws IOException {
    Path trace = folder.resolve("t.txt");
    Files.writeString(trace, "r 0\nw 40\nr 1000\nr 0\n");
    Cli outcome = Cli.run("cache", "-t", trace.toString(), "--l2-size", "4096", "--l2-assoc",
        "4", "--format", "json");
    assertEquals(0, outcome.exitCode(), outcome.err());
    JsonNode root = new ObjectMapper().readTree(outcome.out());
    JsonKeys.assertSnakeCase(root);
    assertEquals(64, root.get("line_bytes").asInt());
    JsonNode l1 = root.get("levels").get(0);
    assertEquals(32768, l1.get("size_bytes").asLong());
    assertEquals(3, l1.get("reads").asLong());
    assertEquals(2, l1.get("read_misses").asLong());
    assertEquals(1, l1.get("write_misses").asLong());
    assertEquals(0.75, l1.get("miss_rate").asDouble());
    assertEquals(0, l1.get("back_invalidations").asLong());
    for (String old : List.of("lineBytes", "sizeBytes", "readMisses", "writeMisses",
        "missRate", "backInvalidations")) {
      assertFalse(outcome.out().contains('"' + old + '"'), old);
    }
  }

  @Test
  void aPresetNameGivesThatMachinesDataCaches() throws IOException {
    Path trace = folder.resolve("t.txt");
    Files.writeString(trace, "r 0\nw 40\nr 100000\n");
    Cli outcome = Cli.run("cache", "-t", trace.toString(), "--machine", "cbp2025", "--format",
        "json");
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(outcome.out().contains("\"name\" : \"L2\""), outcome.out());
    // 0 and 0x40 are two 64-byte lines of one 128-byte block of the kit's L3.
    assertTrue(outcome.out().contains("\"traffic\" : 2"), outcome.out());
  }

  @Test
  void badMachineFileIsOneLineNamingFileAndKey() throws IOException {
    Path trace = folder.resolve("t.txt");
    Files.writeString(trace, "r 0\n");
    Path machine = folder.resolve("m.json");
    Files.writeString(machine, "{\"caches\": {\"line_bytes\": 64, \"data\": [{\"size_bytes\": 1024,"
        + " \"ways\": 2, \"colour\": 1}]}}");
    Cli outcome = Cli.run("cache", "-t", trace.toString(), "--machine", machine.toString());
    assertEquals(2, outcome.exitCode());
    assertEquals("bpsim: " + machine
        + ": caches.data[0]: unknown key \"colour\" (valid: latency, line_bytes, "
        + "name, replacement, size_bytes, ways)\n", outcome.err().replace("\r\n", "\n"));
    assertEquals("", outcome.out());
  }

  @Test
  void malformedTraceIsOneLineWithTheLineNumberAndNoOutputFile() throws IOException {
    Path trace = folder.resolve("t.txt");
    Files.writeString(trace, "r 0\nq 40\n");
    Path output = folder.resolve("out.txt");
    Cli outcome = Cli.run("cache", "-t", trace.toString(), "-o", output.toString());
    assertEquals(2, outcome.exitCode());
    assertTrue(outcome.err().startsWith("bpsim: " + trace + ": line 2: bad operation 'q'"),
        outcome.err());
    assertFalse(outcome.err().contains("\tat "), outcome.err());
    assertFalse(Files.exists(output));
  }

  @Test
  void badPolicyAndGeometryAreUserErrors() throws IOException {
    Path trace = folder.resolve("t.txt");
    Files.writeString(trace, "r 0\n");
    assertEquals(2, Cli.run("cache", "-t", trace.toString(), "--replacement", "plru").exitCode());
    assertEquals(2, Cli.run("cache", "-t", trace.toString(), "--l1-size", "1000").exitCode());
    assertEquals(2,
        Cli.run("cache", "-t", trace.toString(), "--inclusion", "sometimes").exitCode());
    Cli listing = Cli.run("cache", "--list-policies");
    assertEquals(0, listing.exitCode());
    assertTrue(listing.out().contains("optimal"), listing.out());
  }

  /** The predictors' spec grammar, with messages that call a policy a replacement policy. */
  @Test
  void badPolicySpecIsOneLineNamingItAReplacementPolicy() throws IOException {
    Path trace = folder.resolve("t.txt");
    Files.writeString(trace, "r 0\n");
    Cli outcome = Cli.run("cache", "-t", trace.toString(), "--replacement", "srrip:bits=99");
    assertEquals(2, outcome.exitCode());
    assertEquals("bpsim: replacement policy 'srrip': bits=99 is out of range (valid: 1..7)\n",
        outcome.err().replace("\r\n", "\n"));
    assertEquals("", outcome.out());
    Path machine = folder.resolve("m.json");
    Files.writeString(machine, "{\"caches\": {\"line_bytes\": 64, \"data\": [{\"size_bytes\": 1024,"
        + " \"ways\": 2, \"replacement\": \"lru:bits=2\"}]}}");
    Cli fromFile = Cli.run("cache", "-t", trace.toString(), "--machine", machine.toString());
    assertEquals(2, fromFile.exitCode());
    assertTrue(fromFile.err().contains("replacement policy 'lru' has no key 'bits' (it takes no "
        + "keys)"), fromFile.err());
    assertFalse(fromFile.err().contains("predictor"), fromFile.err());
  }
}
