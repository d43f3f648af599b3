package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bpsim.cli.faulty.ErrorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with one trace and many predictors spreads them over the cores, the trace decoded
 * once; the rows are the same, in the same order, as one pass with {@code -j 1}: from a file or
 * a stream, with misprediction lists, and with a plugin that fails.
 */
class RunSplitsPredictorsTest {
  @TempDir
  Path dir;

  private static final String[] PREDICTORS = {"-p", "bimodal",
      "-p", "gshare:history=4,index_bits=8", "-p", "gshare:history=8,index_bits=10",
      "-p", "gshare", "-p", "perceptron", "-p", "bimodal:index_bits=6", "-p", "tournament"};

  @Test
  void oneTraceManyPredictorsGivesTheSameRowsOnAnyNumberOfJobs() throws IOException {
    Path trace = SmallTraces.write(dir, "one.txt", 7, 20000);
    String[] base = concat(new String[] {"run", "-t", trace.toString(), "--format", "csv"},
        PREDICTORS);
    Cli serial = Cli.run(concat(base, "-j", "1"));
    assertEquals(0, serial.exitCode(), serial.toString());
    for (String jobs : new String[] {"2", "3", "7", "16"}) {
      Cli split = Cli.run(concat(base, "-j", jobs));
      assertEquals(0, split.exitCode(), split.toString());
      assertEquals(serial.out(), split.out(), "-j " + jobs);
    }
  }

  @Test
  void aStreamIsSpreadToo() throws Exception {
    Path trace = SmallTraces.write(dir, "one.txt", 11, 30000);
    Cli serial = Cli.run(concat(new String[] {"run", "-t", trace.toString(), "--format",
        "csv", "-j", "1"}, PREDICTORS));
    assertEquals(0, serial.exitCode(), serial.toString());
    Path fifo = fifo("one.fifo");
    Thread writer = feed(fifo, Files.readAllBytes(trace));
    Cli split = Cli.run(concat(new String[] {"run", "-t", fifo.toString(), "--format", "csv",
        "-j", "4"}, PREDICTORS));
    writer.join();
    assertEquals(0, split.exitCode(), split.toString());
    assertEquals(serial.out().replace(trace.toString(), fifo.toString()), split.out());
  }

  @Test
  void mispredictionListsAreTheSameOnAnyNumberOfJobs() throws IOException {
    Path trace = SmallTraces.write(dir, "one.txt", 5, 25000);
    Path serialLists = dir.resolve("serial");
    Path splitLists = dir.resolve("split");
    Cli serial = Cli.run(concat(new String[] {"run", "-t", trace.toString(), "--format", "csv",
        "-j", "1", "--mispredictions", serialLists.toString()}, PREDICTORS));
    assertEquals(0, serial.exitCode(), serial.toString());
    Cli split = Cli.run(concat(new String[] {"run", "-t", trace.toString(), "--format", "csv",
        "-j", "3", "--mispredictions", splitLists.toString()}, PREDICTORS));
    assertEquals(0, split.exitCode(), split.toString());
    assertEquals(serial.out(), split.out());
    List<Path> files;
    try (Stream<Path> listed = Files.list(serialLists)) {
      files = listed.sorted().toList();
    }
    assertEquals(PREDICTORS.length / 2, files.size(), files.toString());
    for (Path file : files) {
      Path other = splitLists.resolve(file.getFileName());
      assertTrue(Files.isRegularFile(other), other + " is missing");
      assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(other), file.toString());
    }
  }

  @Test
  void aFailingPluginFailsAloneOnAnyNumberOfJobs() throws IOException {
    Path jar = TestPluginJar.of(dir.resolve("error.jar"), ErrorProvider.class);
    Path trace = SmallTraces.write(dir, "one.txt", 3, 20000);
    String[] base = concat(new String[] {"run", "--plugin", jar.toString(), "-t",
        trace.toString(), "--format", "csv", "-p", "throws-error:after=3000"}, PREDICTORS);
    Cli serial = Cli.run(concat(base, "-j", "1"));
    assertEquals(ExitCodes.PREDICTOR_FAILED, serial.exitCode(), serial.toString());
    assertTrue(serial.out().contains("deliberate error"), serial.toString());
    for (String jobs : new String[] {"2", "5"}) {
      Cli split = Cli.run(concat(base, "-j", jobs));
      assertEquals(ExitCodes.PREDICTOR_FAILED, split.exitCode(), split.toString());
      assertEquals(serial.out(), split.out(), "-j " + jobs);
    }
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

  private static Thread feed(Path fifo, byte[] bytes) {
    Thread writer = new Thread(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write(bytes);
      } catch (IOException e) {
        // the reader went away: nothing more to write
      }
    }, "fifo-writer");
    writer.setDaemon(true);
    writer.start();
    return writer;
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
