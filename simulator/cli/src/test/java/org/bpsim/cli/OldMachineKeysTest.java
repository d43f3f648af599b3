package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine file written with the camelCase keys of earlier versions: both commands that read
 * one refuse it with one line naming the file, the old key and the new one, exit code 2.
 */
final class OldMachineKeysTest {
  @TempDir
  Path folder;

  private Path machineWith(String now, String old) throws IOException {
    Cli shown = Cli.run("configs", "--show", "small");
    assertEquals(0, shown.exitCode(), shown.err());
    String text = shown.out();
    assertTrue(text.contains("\"" + now + "\""), text);
    Path machine = folder.resolve(old + ".json");
    Files.writeString(machine, text.replace("\"" + now + "\"", "\"" + old + "\""));
    return machine;
  }

  @Test
  void simulateRefusesAnOldCoreKeyNamingTheNewOne() throws IOException {
    Path machine = machineWith("rob_size", "robSize");
    Path trace = folder.resolve("t.gz");
    Files.write(trace, new byte[] {1});
    Cli outcome = Cli.run("simulate", "-t", trace.toString(), "--machine", machine.toString());
    assertEquals(2, outcome.exitCode(), outcome.toString());
    assertEquals(1, outcome.errLines().size(), outcome.err());
    assertEquals("bpsim: " + machine + ": core: key 'robSize' was renamed 'rob_size'",
        outcome.errLines().get(0));
  }

  @Test
  void cacheRefusesAnOldHierarchyKeyNamingTheNewOne() throws IOException {
    Path machine = machineWith("line_bytes", "lineBytes");
    Path trace = folder.resolve("mem.txt");
    Files.writeString(trace, "r 1000\n");
    Cli outcome = Cli.run("cache", "-t", trace.toString(), "--machine", machine.toString());
    assertEquals(2, outcome.exitCode(), outcome.toString());
    assertEquals(1, outcome.errLines().size(), outcome.err());
    assertEquals("bpsim: " + machine + ": caches: key 'lineBytes' was renamed 'line_bytes'",
        outcome.errLines().get(0));
  }

  /** The new keys are what {@code configs --show} prints, and the cache model reads them. */
  @Test
  void aPresetShownByConfigsIsReadByCache() throws IOException {
    Cli shown = Cli.run("configs", "--show", "small");
    Path machine = folder.resolve("small.json");
    Files.writeString(machine, shown.out());
    Path trace = folder.resolve("mem.txt");
    Files.writeString(trace, "r 1000\n");
    Cli outcome = Cli.run("cache", "-t", trace.toString(), "--machine", machine.toString());
    assertEquals(0, outcome.exitCode(), outcome.toString());
    assertTrue(outcome.out().contains("32768"), outcome.out());
  }
}
