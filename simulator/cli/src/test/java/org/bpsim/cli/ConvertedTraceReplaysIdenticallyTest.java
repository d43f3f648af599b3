package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bpsim convert} loses nothing a predictor sees: replaying the {@code .bpt} gives the same
 * counts, instructions and mispredictions as replaying the original, for every format.
 */
final class ConvertedTraceReplaysIdenticallyTest {
  @TempDir
  Path dir;

  private static String bpsim(String... args) {
    Cli cli = Cli.run(args);
    assertEquals(0, cli.exitCode(), cli.toString());
    return cli.out();
  }

  private static JsonNode runsWithoutTraceNames(String json) throws Exception {
    JsonNode runs = new ObjectMapper().readTree(json).get("runs");
    for (JsonNode run : runs) {
      ((ObjectNode) run).remove("trace");
    }
    return runs;
  }

  @ParameterizedTest
  @ValueSource(strings = {"cbp2016/SHORT_MOBILE-27.bt9.trace.gz",
      "cbp2016/SHORT_MOBILE-24.bt9.trace.gz", "cbp1/fp_1.bz2", "cse240a/U4_Cam4.bz2",
      "champsim/bzip2.champsimtrace.xz"})
  void replayOfTheConvertedTraceEqualsReplayOfTheOriginal(String name) throws Exception {
    Path original = SharedMaterial.traceOrSkip(name);
    Path converted = dir.resolve("converted.bpt");
    bpsim("convert", original.toString(), converted.toString());
    String[] predictors = {"-p", "gshare:history=13,index_bits=13", "-p", "bimodal",
        "--format", "json", "-j", "1"};
    String fromOriginal = bpsim(concat(new String[] {"run", "-t", original.toString()},
        predictors));
    String fromConverted = bpsim(concat(new String[] {"run", "-t", converted.toString()},
        predictors));
    assertEquals(runsWithoutTraceNames(fromOriginal), runsWithoutTraceNames(fromConverted),
        name);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
