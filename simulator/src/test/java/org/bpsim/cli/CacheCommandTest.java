package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class CacheCommandTest {
  private static final Path SHARED = Paths.get(System.getProperty("bpsim.shared", "../shared"));

  @TempDir
  Path folder;

  private record Outcome(int code, String out, String err) {
  }

  private static Outcome run(String... args) {
    CommandLine commandLine = BpsimCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int code = commandLine.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void reproducesAReferenceOutputFromTheCommandLine() throws IOException {
    Path expected = SHARED.resolve("reference/cache-validation/validation6.txt");
    Assumptions.assumeTrue(Files.isRegularFile(expected),
        "shared reference material not found at " + SHARED + ": skipping");
    Outcome outcome = run("cache", "-t", SHARED.resolve("traces/memory/gcc_trace.txt").toString(),
        "--block-size", "16", "--l1-size", "1024", "--l1-assoc", "2", "--l2-size", "8192",
        "--l2-assoc", "4", "--replacement", "lru", "--inclusion", "inclusive");
    assertEquals(0, outcome.code(), outcome.err());
    assertEquals(Files.readString(expected), outcome.out());
  }

  @Test
  void machineFileDescribesAnyDepthAndJsonReportsIt() throws IOException {
    Path trace = folder.resolve("t.txt");
    Files.writeString(trace, "r 0\nw 40\nr 1000\nr 0\n");
    Path machine = folder.resolve("m.json");
    Files.writeString(machine, """
        {"caches": {"lineBytes": 64, "inclusion": "inclusive", "data": [
          {"name": "L1D", "sizeBytes": 1024, "ways": 2},
          {"name": "L2", "sizeBytes": 4096, "ways": 4, "replacement": "srrip"},
          {"name": "LLC", "sizeBytes": 16384, "ways": 8, "replacement": "drrip"}]}}
        """);
    Outcome outcome = run("cache", "-t", trace.toString(), "--machine", machine.toString(),
        "--format", "json");
    assertEquals(0, outcome.code(), outcome.err());
    assertTrue(outcome.out().contains("\"name\" : \"LLC\""), outcome.out());
    assertTrue(outcome.out().contains("\"traffic\" : 3"), outcome.out());
  }

  @Test
  void aPresetNameGivesThatMachinesDataCaches() throws IOException {
    Path trace = folder.resolve("t.txt");
    Files.writeString(trace, "r 0\nw 40\nr 100000\n");
    Outcome outcome = run("cache", "-t", trace.toString(), "--machine", "cbp2025", "--format",
        "json");
    assertEquals(0, outcome.code(), outcome.err());
    assertTrue(outcome.out().contains("\"name\" : \"L2\""), outcome.out());
    assertTrue(outcome.out().contains("\"traffic\" : 3"), outcome.out());
  }

  @Test
  void badMachineFileIsOneLineNamingFileAndKey() throws IOException {
    Path trace = folder.resolve("t.txt");
    Files.writeString(trace, "r 0\n");
    Path machine = folder.resolve("m.json");
    Files.writeString(machine, "{\"caches\": {\"lineBytes\": 64, \"data\": [{\"sizeBytes\": 1024,"
        + " \"ways\": 2, \"colour\": 1}]}}");
    Outcome outcome = run("cache", "-t", trace.toString(), "--machine", machine.toString());
    assertEquals(2, outcome.code());
    assertEquals("bpsim: " + machine
        + ": caches.data[0]: unknown key \"colour\" (valid: latency, name, "
        + "replacement, sizeBytes, ways)\n", outcome.err().replace("\r\n", "\n"));
    assertEquals("", outcome.out());
  }

  @Test
  void malformedTraceIsOneLineWithTheLineNumberAndNoOutputFile() throws IOException {
    Path trace = folder.resolve("t.txt");
    Files.writeString(trace, "r 0\nq 40\n");
    Path output = folder.resolve("out.txt");
    Outcome outcome = run("cache", "-t", trace.toString(), "-o", output.toString());
    assertEquals(2, outcome.code());
    assertTrue(outcome.err().startsWith("bpsim: " + trace + ": line 2: bad operation 'q'"),
        outcome.err());
    assertFalse(outcome.err().contains("\tat "), outcome.err());
    assertFalse(Files.exists(output));
  }

  @Test
  void badPolicyAndGeometryAreUserErrors() throws IOException {
    Path trace = folder.resolve("t.txt");
    Files.writeString(trace, "r 0\n");
    assertEquals(2, run("cache", "-t", trace.toString(), "--replacement", "plru").code());
    assertEquals(2, run("cache", "-t", trace.toString(), "--l1-size", "1000").code());
    assertEquals(2, run("cache", "-t", trace.toString(), "--inclusion", "sometimes").code());
    Outcome listing = run("cache", "--list-policies");
    assertEquals(0, listing.code());
    assertTrue(listing.out().contains("optimal"), listing.out());
  }
}
