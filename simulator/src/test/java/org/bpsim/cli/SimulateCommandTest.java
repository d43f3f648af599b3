package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.bpsim.machine.Machines;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class SimulateCommandTest {
  private static final Path SAMPLE = Paths.get(System.getProperty("bpsim.shared", "../shared"))
      .resolve("traces/cbp2025/sample_int_trace.gz");

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
  void configsListsEveryPresetAndShowsItsJson() throws IOException {
    Outcome listing = run("configs");
    assertEquals(0, listing.code(), listing.err());
    for (String preset : Machines.PRESETS) {
      assertTrue(listing.out().contains(preset + " "), listing.out());
      Outcome shown = run("configs", "--show", preset);
      assertEquals(0, shown.code());
      Path file = folder.resolve(preset + ".json");
      Files.writeString(file, shown.out());
      assertEquals(Machines.preset(preset), Machines.load(file.toString()));
    }
  }

  @Test
  void bothLlcModesAreReportedSideBySideInJson() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(SAMPLE), "shared sample missing: skipping");
    Outcome outcome = run("simulate", "-t", SAMPLE.toString(), "-t", SAMPLE.toString(),
        "--machine", "small", "--llc", "both", "--max-instructions", "50000", "--format",
        "json");
    assertEquals(0, outcome.code(), outcome.err());
    JsonNode root = new ObjectMapper().readTree(outcome.out());
    assertEquals("shared", root.get("runs").get(0).get("llc").asText());
    assertEquals("private", root.get("runs").get(1).get("llc").asText());
    assertEquals(2, root.get("runs").get(0).get("cores").size());
    JsonNode core = root.get("runs").get(0).get("cores").get(0);
    assertEquals(50000, core.get("instructions").asLong());
    assertTrue(core.get("cpiStack").has("memory"));
    assertTrue(root.has("sharedMinusPrivate"));
  }

  @Test
  void aTraceWithoutMemoryAddressesIsOneLineAndExitCode2() throws IOException {
    Path text = folder.resolve("branches.txt");
    Files.writeString(text, "400000 1\n400010 0\n");
    Path output = folder.resolve("out.json");
    Outcome outcome = run("simulate", "-t", text.toString(), "-o", output.toString());
    assertEquals(2, outcome.code());
    assertTrue(outcome.err().startsWith("bpsim: " + text + ": byte 0: timing simulation needs"),
        outcome.err());
    assertFalse(outcome.err().contains("\tat "));
    assertFalse(Files.exists(output));
  }

  @Test
  void badMachineAndModeAreUserErrors() throws IOException {
    Path trace = folder.resolve("t.gz");
    Files.write(trace, new byte[] {1});
    assertEquals(2, run("simulate", "-t", trace.toString(), "--machine", "huge").code());
    assertEquals(2, run("simulate", "-t", trace.toString(), "--llc", "sometimes").code());
    Path machine = folder.resolve("m.json");
    Files.writeString(machine, "{\"core\": {}}");
    Outcome outcome = run("simulate", "-t", trace.toString(), "--machine", machine.toString());
    assertEquals(2, outcome.code());
    assertTrue(outcome.err().startsWith("bpsim: " + machine + ": "), outcome.err());
  }
}
