package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchRecord;
import org.bpsim.trace.CompressedOutput;
import org.bpsim.trace.Compression;
import org.bpsim.trace.text.TextTraceWriter;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input contract of {@code bpsim run}: exit code 2, exactly one line on standard error
 * naming the file and where in it (byte offset or line) or the bad value, no stack trace, and no
 * output file or temporary file left behind.
 */
final class CliBadInputTest {
  private static final Pattern WHERE = Pattern.compile("(byte \\d+|line \\d+)");

  @TempDir
  Path folder;

  /** A bad trace: how to make it, and what the message must say besides the file name. */
  interface BadTrace {
    Path make(Path folder) throws IOException;
  }

  static Stream<Arguments> badTraces() {
    return Stream.of(
        Arguments.of("empty file", (BadTrace) f -> write(f, "empty.txt", new byte[0])),
        Arguments.of("truncated gzip stream", (BadTrace) f -> truncated(f, "cut.txt.gz",
            Compression.GZIP)),
        Arguments.of("truncated xz stream", (BadTrace) f -> truncated(f, "cut.txt.xz",
            Compression.XZ)),
        Arguments.of("truncated bzip2 stream", (BadTrace) f -> truncated(f, "cut.txt.bz2",
            Compression.BZIP2)),
        Arguments.of("random bytes", (BadTrace) f -> write(f, "random.bin", randomBytes())),
        Arguments.of("BT9 cut mid node table", (BadTrace) f -> bt9CutAt(f, "NODE", 3, 7)),
        Arguments.of("BT9 cut mid edge table", (BadTrace) f -> bt9CutAt(f, "EDGE", 2, 5)),
        Arguments.of("BT9 cut between node lines", (BadTrace) f -> bt9CutAt(f, "NODE", 2, 0)),
        Arguments.of("BT9 cut between edge lines", (BadTrace) f -> bt9CutAt(f, "EDGE", 3, 0)),
        Arguments.of("BT9 cut mid header", (BadTrace) f -> bt9CutAt(f, "total", 1, 9)),
        Arguments.of("BT9 without its EOF line", (BadTrace) f -> bt9WithoutEof(f, false)),
        Arguments.of("gzip BT9 without its EOF line", (BadTrace) f -> bt9WithoutEof(f, true)),
        Arguments.of("text line with a bad hex value", (BadTrace) f -> textWithLine(f,
            "0x40zz96 1")),
        Arguments.of("7-column line with a bad flag", (BadTrace) f -> sevenColumnWithLine(f,
            "0x4010\t0x4020\t1\t0\t2\t0\t1")),
        Arguments.of("ChampSim size not a multiple of 64", (BadTrace) f -> champSimPlus(f,
            Compression.NONE, 10)),
        Arguments.of("xz ChampSim size not a multiple of 64", (BadTrace) f -> champSimPlus(f,
            Compression.XZ, 63)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTraces")
  void badTraceGivesOneLineNamingFileAndPlaceExitTwoAndNoOutput(String name, BadTrace bad,
      TestReporter reporter) throws IOException {
    Path traces = Files.createDirectory(folder.resolve("traces"));
    Path trace = bad.make(traces);
    Cli cli = runWithOutput(trace.toString(), "gshare");
    String line = assertOneLineUserError(cli);
    reporter.publishEntry("stderr", line);
    assertTrue(line.contains(trace.toString()), "names the file: " + line);
    assertTrue(WHERE.matcher(line).find(), "names a byte offset or line: " + line);
    try (Stream<Path> files = Files.list(traces)) {
      assertEquals(List.of(trace), files.toList(), "nothing left beside the trace");
    }
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("unknown predictor", "perceptronx", "perceptronx"),
        Arguments.of("unknown key", "gshare:colour=3", "colour"),
        Arguments.of("out-of-range value", "gshare:history=65", "65"),
        Arguments.of("non-numeric value", "bimodal:index_bits=many", "many"),
        Arguments.of("empty spec", " ", "empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badPredictorSpecGivesOneLineNamingTheValueExitTwoAndNoOutput(String name, String spec,
      String named, TestReporter reporter) throws IOException {
    Path trace = SampleTraces.text(folder.resolve("good.txt"), Compression.NONE,
        TextTraceWriter.Layout.TWO_COLUMNS,
        SampleTraces.branches(7, 50, List.of(BranchKind.CONDITIONAL)));
    Cli cli = runWithOutput(trace.toString(), spec);
    String line = assertOneLineUserError(cli);
    reporter.publishEntry("stderr", line);
    assertTrue(line.contains(named), "names the bad value '" + named + "': " + line);
  }

  @org.junit.jupiter.api.Test
  void missingTraceFileGivesOneLineNamingItExitTwoAndNoOutput() throws IOException {
    Path missing = folder.resolve("no-such-trace.bt9.trace.gz");
    Cli cli = runWithOutput(missing.toString(), "gshare");
    String line = assertOneLineUserError(cli);
    assertTrue(line.contains(missing.toString()), line);
  }

  private Cli runWithOutput(String trace, String spec) throws IOException {
    Path outputs = Files.createDirectories(folder.resolve("out"));
    Cli cli = Cli.run("run", "-t", trace, "-p", spec, "--format", "csv", "--output",
        outputs.resolve("results.csv").toString());
    try (Stream<Path> files = Files.list(outputs)) {
      assertEquals(List.of(), files.toList(), "no output or temporary file: " + cli);
    }
    return cli;
  }

  private static String assertOneLineUserError(Cli cli) {
    assertEquals(2, cli.exitCode(), cli.toString());
    assertEquals("", cli.out(), cli.toString());
    List<String> lines = cli.errLines();
    assertEquals(1, lines.size(), "exactly one line on stderr: " + cli.err());
    assertFalse(cli.err().contains("\tat "), "no stack trace: " + cli.err());
    return lines.get(0);
  }

  private static Path write(Path folder, String name, byte[] bytes) throws IOException {
    return Files.write(folder.resolve(name), bytes);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[10_000];
    new SplittableRandom(2016).nextBytes(bytes);
    bytes[0] = 0x7f; // not a compression magic number
    return bytes;
  }

  private static byte[] textTrace(int branches) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TextTraceWriter writer = new TextTraceWriter(bytes,
        TextTraceWriter.Layout.TWO_COLUMNS)) {
      for (BranchRecord b : SampleTraces.branches(11, branches,
          List.of(BranchKind.CONDITIONAL))) {
        writer.write(b);
      }
    }
    return bytes.toByteArray();
  }

  /** A compressed text trace cut halfway through its compressed bytes. */
  private static Path truncated(Path folder, String name, Compression compression)
      throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (OutputStream out = CompressedOutput.wrap(compressed, compression)) {
      out.write(textTrace(20_000));
    }
    byte[] all = compressed.toByteArray();
    return write(folder, name, Arrays.copyOf(all, all.length / 2));
  }

  private static byte[] bt9Bytes() throws IOException {
    Path scratch = Files.createTempDirectory("bpsim-bt9");
    try {
      Path file = SampleTraces.bt9(scratch.resolve("t.bt9.trace"), Compression.NONE,
          SampleTraces.branches(5, 400, SampleTraces.BT9_KINDS));
      return Files.readAllBytes(file);
    } finally {
      try (Stream<Path> files = Files.list(scratch)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(scratch);
    }
  }

  /** A BT9 trace cut {@code chars} characters into the {@code nth} line starting with a prefix. */
  private static Path bt9CutAt(Path folder, String prefix, int nth, int chars)
      throws IOException {
    String text = new String(bt9Bytes(), StandardCharsets.US_ASCII);
    int at = -1;
    for (int i = 0; i < nth; i++) {
      at = text.indexOf("\n" + prefix, at + 1);
      assertTrue(at >= 0, "no " + nth + " " + prefix + " lines");
    }
    return write(folder, "cut.bt9.trace",
        text.substring(0, at + 1 + chars).getBytes(StandardCharsets.US_ASCII));
  }

  private static Path bt9WithoutEof(Path folder, boolean gzip) throws IOException {
    String text = new String(bt9Bytes(), StandardCharsets.US_ASCII);
    byte[] cut = text.substring(0, text.lastIndexOf("EOF")).getBytes(StandardCharsets.US_ASCII);
    if (!gzip) {
      return write(folder, "no-eof.bt9.trace", cut);
    }
    Path file = folder.resolve("no-eof.bt9.trace.gz");
    try (OutputStream out = CompressedOutput.open(file, Compression.GZIP)) {
      out.write(cut);
    }
    return file;
  }

  private static Path textWithLine(Path folder, String bad) throws IOException {
    String good = new String(textTrace(30), StandardCharsets.US_ASCII);
    int third = good.indexOf('\n', good.indexOf('\n') + 1) + 1;
    return write(folder, "bad-hex.txt", (good.substring(0, third) + bad + "\n"
        + good.substring(third)).getBytes(StandardCharsets.US_ASCII));
  }

  private static Path sevenColumnWithLine(Path folder, String bad) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TextTraceWriter writer = new TextTraceWriter(bytes,
        TextTraceWriter.Layout.SEVEN_COLUMNS)) {
      for (BranchRecord b : SampleTraces.branches(12, 20, SampleTraces.BT9_KINDS)) {
        writer.write(b);
      }
    }
    return write(folder, "bad-flag.txt", (bytes.toString(StandardCharsets.US_ASCII) + bad
        + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  private static Path champSimPlus(Path folder, Compression compression, int extra)
      throws IOException {
    Path scratch = Files.createTempFile("bpsim-champsim", ".champsimtrace");
    try {
      SampleTraces.champSim(scratch, Compression.NONE,
          SampleTraces.branches(9, 300, List.of(BranchKind.values())));
      byte[] records = Files.readAllBytes(scratch);
      byte[] odd = Arrays.copyOf(records, records.length + extra);
      Path file = folder.resolve("odd.champsimtrace"
          + (compression == Compression.XZ ? ".xz" : ""));
      try (OutputStream out = CompressedOutput.open(file, compression)) {
        out.write(odd);
      }
      return file;
    } finally {
      Files.delete(scratch);
    }
  }
}
