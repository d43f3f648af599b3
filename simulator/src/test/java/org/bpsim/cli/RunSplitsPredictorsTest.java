package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with one trace and many predictors spreads them over the cores; the rows are the
 * same, in the same order, as one pass with {@code -j 1}.
 */
class RunSplitsPredictorsTest {
  @TempDir
  Path dir;

  @Test
  void oneTraceManyPredictorsGivesTheSameRowsOnAnyNumberOfJobs() throws IOException {
    Path trace = SmallTraces.write(dir, "one.txt", 7, 20000);
    String[] base = {"run", "-t", trace.toString(), "--format", "csv", "-p", "bimodal",
        "-p", "gshare:history=4,index_bits=8", "-p", "gshare:history=8,index_bits=10",
        "-p", "gshare", "-p", "perceptron", "-p", "bimodal:index_bits=6", "-p",
        "tournament"};
    Cli serial = Cli.run(concat(base, "-j", "1"));
    assertEquals(0, serial.exitCode(), serial.toString());
    for (String jobs : new String[] {"2", "3", "7", "16"}) {
      Cli split = Cli.run(concat(base, "-j", jobs));
      assertEquals(0, split.exitCode(), split.toString());
      assertEquals(serial.out(), split.out(), "-j " + jobs);
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
