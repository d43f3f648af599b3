package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs that must neither hang nor mislead: pipes and standard input are read as they come,
 * endless streams stop at the instruction limit, a folder's non-trace files are all named before
 * any replay, and a job count below one is refused.
 */
final class StreamInputsTest {
  @TempDir
  Path dir;

  private static String loopText() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      text.append("0x1000 ").append(i % 4 == 3 ? 0 : 1).append('\n');
    }
    return text.toString();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  private Path fifo(String name) throws Exception {
    Path fifo = dir.resolve(name);
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not installed: skipping the FIFO case");
      return null;
    }
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed here: skipping the FIFO case");
    return fifo;
  }

  /** Writes {@code bytes} into the FIFO (once a reader opens it), then closes it. */
  private static Thread feed(Path fifo, byte[] bytes) {
    Thread writer = new Thread(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write(bytes);
      } catch (IOException e) {
        // the reader went away (a refused trace): nothing more to write
      }
    }, "fifo-writer");
    writer.setDaemon(true);
    writer.start();
    return writer;
  }

  /** Writes zeros into the FIFO until its reader closes it: an endless stream. */
  private static Thread feedZeros(Path fifo) {
    Thread writer = new Thread(() -> {
      byte[] zeros = new byte[1 << 16];
      try (OutputStream out = Files.newOutputStream(fifo)) {
        while (true) {
          out.write(zeros);
        }
      } catch (IOException e) {
        // the reader closed the pipe
      }
    }, "zero-writer");
    writer.setDaemon(true);
    writer.start();
    return writer;
  }

  @Test
  void aGzipTraceThroughAFifoIsRead() throws Exception {
    Path fifo = fifo("trace.fifo");
    feed(fifo, gzip(loopText().getBytes(StandardCharsets.US_ASCII)));
    Cli outcome = Cli.run("run", "-t", fifo.toString(), "-p", "bimodal", "--format", "csv");
    assertEquals(ExitCodes.OK, outcome.exitCode(), outcome.toString());
    assertTrue(outcome.out().contains(",5000,5000,1250,"), outcome.toString());
  }

  @Test
  void standardInputIsReadWithDash() throws IOException {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(gzip(loopText().getBytes(StandardCharsets.US_ASCII))));
      Cli outcome = Cli.run("run", "-t", "-", "-p", "bimodal", "--format", "csv");
      assertEquals(ExitCodes.OK, outcome.exitCode(), outcome.toString());
      assertTrue(outcome.out().contains("\n-,\"bimodal"), outcome.toString());
      assertTrue(outcome.out().contains(",5000,5000,1250,"), outcome.toString());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void compareRefusesAPipeUpFrontSayingItNeedsAFile() throws Exception {
    Path fifo = fifo("trace.fifo");
    Path report = dir.resolve("report");
    Cli outcome = Cli.run("compare", "-t", fifo.toString(), "-p", "bimodal", "--out",
        report.toString());
    assertEquals(ExitCodes.USER_ERROR, outcome.exitCode(), outcome.toString());
    assertTrue(outcome.err().contains("needs a regular file"), outcome.toString());
    assertFalse(Files.exists(report));
  }

  /** The timeout only stops a regression (a hang, as on the old reader) from stalling the build. */
  @Test
  @Timeout(120)
  void anEndlessZeroStreamIsRefusedUpFront() throws Exception {
    Path fifo = fifo("zeros.fifo");
    feedZeros(fifo);
    Cli outcome = Cli.run("run", "-t", fifo.toString(), "-p", "bimodal");
    assertEquals(ExitCodes.USER_ERROR, outcome.exitCode(), outcome.toString());
    assertTrue(outcome.err().contains("starts with 4096 zero bytes"), outcome.toString());
  }

  @ParameterizedTest(name = "--trace-format {0}")
  @ValueSource(strings = {"champsim", "cbp2025"})
  @Timeout(120)
  void anEndlessStreamStopsAtTheInstructionLimit(String format) throws Exception {
    Path fifo = fifo("zeros.fifo");
    feedZeros(fifo);
    Cli outcome = Cli.run("run", "-t", fifo.toString(), "--trace-format", format,
        "--max-instructions", "300000", "-p", "bimodal", "--format", "csv");
    assertEquals(ExitCodes.OK, outcome.exitCode(), outcome.toString());
    assertTrue(outcome.out().contains(",\"bimodal:index_bits=14,init=2\",300000,"),
        outcome.toString());
  }

  /** /dev/zero itself, as a device node of our own (needs the right to make one). */
  @Test
  void theZeroDeviceWithALimitStops() throws Exception {
    Path zero = dir.resolve("zero");
    Process mknod;
    try {
      mknod = new ProcessBuilder("mknod", zero.toString(), "c", "1", "5")
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "mknod is not installed: skipping the device case");
      return;
    }
    mknod.getInputStream().readAllBytes();
    assumeTrue(mknod.waitFor() == 0, "cannot make device nodes here: skipping the device case");
    Cli refused = Cli.run("run", "-t", zero.toString(), "-p", "bimodal");
    assertEquals(ExitCodes.USER_ERROR, refused.exitCode(), refused.toString());
    Cli limited = Cli.run("run", "-t", zero.toString(), "--trace-format", "champsim",
        "--max-instructions", "100000", "-p", "bimodal", "--format", "csv");
    assertEquals(ExitCodes.OK, limited.exitCode(), limited.toString());
    assertTrue(limited.out().contains(",100000,"), limited.toString());
  }

  @Test
  void everyNonTraceFileInAFolderIsNamedBeforeAnyReplay() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("traces"));
    Files.writeString(folder.resolve("loop.txt"), loopText());
    Files.writeString(folder.resolve("notes.txt"), "Ran these on Tuesday; gcc looked odd.\n");
    Files.writeString(folder.resolve("README.md"), "# My traces\n");
    Files.write(folder.resolve("image.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    Path output = dir.resolve("out.csv");
    Cli outcome = Cli.run("run", "-t", folder.toString(), "-p", "bimodal", "-o",
        output.toString());
    assertEquals(ExitCodes.USER_ERROR, outcome.exitCode(), outcome.toString());
    assertTrue(outcome.err().contains("notes.txt"), outcome.toString());
    assertTrue(outcome.err().contains("image.bin"), outcome.toString());
    assertFalse(outcome.err().contains("README.md"), outcome.toString());
    assertFalse(outcome.err().contains(" branches ("), "nothing replayed: " + outcome);
    assertFalse(Files.exists(output));

    Cli compare = Cli.run("compare", "-t", folder.toString(), "-p", "bimodal", "--out",
        dir.resolve("report").toString());
    assertEquals(ExitCodes.USER_ERROR, compare.exitCode(), compare.toString());
    assertTrue(compare.err().contains("notes.txt") && compare.err().contains("image.bin"),
        compare.toString());
  }

  @ParameterizedTest(name = "-j {0}")
  @ValueSource(strings = {"0", "-1", "-8"})
  void aJobCountBelowOneIsRefused(String jobs) throws IOException {
    Path trace = Files.writeString(dir.resolve("loop.txt"), loopText());
    for (String command : List.of("run", "compare")) {
      Cli outcome = Cli.run(command, "-t", trace.toString(), "-p", "bimodal", "-j", jobs,
          command.equals("run") ? "--format" : "--out",
          command.equals("run") ? "csv" : dir.resolve("report").toString());
      assertEquals(ExitCodes.USER_ERROR, outcome.exitCode(), command + ": " + outcome);
      assertTrue(outcome.err().startsWith("bpsim: --jobs must be > 0, not " + jobs),
          command + ": " + outcome);
    }
  }
}
