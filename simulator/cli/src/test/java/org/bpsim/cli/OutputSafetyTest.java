package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Files bpsim must never destroy, and outputs whose loss it must never hide (issue 11). */
final class OutputSafetyTest {
  private static final String TEMPORARY = ".bpsim-tmp-";

  @TempDir
  Path dir;
  private Path trace;

  @BeforeEach
  void writeTrace() throws IOException {
    trace = SmallTraces.write(dir.resolve("traces"), "alpha.txt", 1, 3_000);
  }

  private Cli run(Path output) {
    return Cli.run("run", "-t", trace.toString(), "-p", "bimodal", "--format", "csv", "-o",
        output.toString());
  }

  private static List<String> entries(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void assertOneLine(Cli cli, String expected) {
    assertEquals(1, cli.errLines().size(), cli.toString());
    assertTrue(cli.err().contains(expected), cli.toString());
  }

  @Test
  void aDeviceNodeGivenAsOutputIsWrittenAndStaysADevice() throws Exception {
    Path device = SpecialFiles.characterDevice(dir.resolve("null"), SpecialFiles.NULL);
    Cli cli = run(device);
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals(SpecialFiles.CHARACTER_DEVICE, SpecialFiles.type(device),
        "the device node was replaced by a file");
    assertEquals(List.of("null", "traces"), entries(dir));
  }

  @Test
  void aSymbolicLinkGivenAsOutputWritesItsTargetAndStaysALink() throws Exception {
    Path target = Files.writeString(Files.createDirectory(dir.resolve("results"))
        .resolve("run.csv"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), target);
    Cli cli = run(link);
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
    assertTrue(Files.readString(target).startsWith("trace,predictor,"),
        Files.readString(target));
    assertEquals(List.of("run.csv"), entries(dir.resolve("results")));
  }

  @Test
  void aFolderGivenAsOutputIsRefusedBeforeTheReplay() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("results"));
    Cli cli = run(folder);
    assertEquals(2, cli.exitCode(), cli.toString());
    assertOneLine(cli, "is a folder");
    assertEquals(List.of(), entries(folder));
  }

  @Test
  void convertRefusesToWriteOverItsInputAlsoThroughLinks() throws Exception {
    byte[] original = Files.readAllBytes(trace);
    Path symbolic = Files.createSymbolicLink(dir.resolve("symbolic.bpt"), trace);
    Path hard = Files.createLink(dir.resolve("hard.bpt"), trace);
    for (Path out : List.of(trace, symbolic, hard)) {
      Cli cli = Cli.run("convert", trace.toString(), out.toString());
      assertEquals(2, cli.exitCode(), out + ": " + cli);
      assertOneLine(cli, "is the input");
      assertArrayEquals(original, Files.readAllBytes(trace), "the input was replaced");
    }
    assertTrue(Files.isSymbolicLink(symbolic));
    assertEquals(List.of("alpha.txt"), entries(dir.resolve("traces")));
    Cli run = run(symbolic);
    assertEquals(2, run.exitCode(), run.toString());
    assertOneLine(run, "is the input");
    assertArrayEquals(original, Files.readAllBytes(trace), "run -o replaced its trace");
  }

  @Test
  void aFailingStandardOutputIsAnErrorNotASuccess() {
    CommandLine commandLine = BpsimCommand.commandLine();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    }, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute("run", "-t", trace.toString(), "-p", "bimodal");
    assertEquals(1, exitCode, err.toString());
    assertTrue(err.toString().contains("cannot write standard output"), err.toString());
  }

  @Test
  void standardOutputToAFullDeviceExitsOneNamingIt() throws Exception {
    Path full = SpecialFiles.characterDevice(dir.resolve("full"), SpecialFiles.FULL);
    Process process = SpecialFiles.bpsim("run", "-t", trace.toString(), "-p", "bimodal")
        .redirectOutput(full.toFile()).redirectErrorStream(false).start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "bpsim did not end");
    assertEquals(1, process.exitValue(), err);
    assertTrue(err.contains("cannot write standard output"), err);
  }

  @Test
  void anOutputFileOnAFullDeviceExitsOneNamingIt() throws Exception {
    Path full = SpecialFiles.characterDevice(dir.resolve("full"), SpecialFiles.FULL);
    Cli cli = run(full);
    assertEquals(1, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("cannot write " + full), cli.toString());
    assertFalse(cli.err().contains("\tat "), cli.toString());
  }

  @Test
  void compareRefusesAnUnmarkedFolderBeforeAnyReplay() throws IOException {
    // A report of bpsim before the mark, with a user's file in it.
    Path old = Files.createDirectory(dir.resolve("report"));
    Files.writeString(old.resolve("index.html"), "<p>old</p>");
    Files.writeString(old.resolve("results.json"), "{\"runs\":[]}\n");
    Files.writeString(old.resolve("thesis.tex"), "precious");
    Cli cli = Cli.run("compare", "-t", trace.toString(), "-p", "bimodal", "--out",
        old.toString());
    assertEquals(2, cli.exitCode(), cli.toString());
    // One line and nothing else: no trace was replayed (it would print its progress line).
    assertOneLine(cli, "is not a bpsim report");
    assertEquals(List.of("index.html", "results.json", "thesis.tex"), entries(old));
    assertEquals("precious", Files.readString(old.resolve("thesis.tex")));

    Cli report = Cli.run("report", dir.resolve("none.json").toString(), "--out",
        old.toString());
    assertEquals(2, report.exitCode(), report.toString());
    assertOneLine(report, "is not a bpsim report");
  }

  @Test
  void aRerunIntoAMarkedFolderKeepsTheFilesBpsimDidNotWrite() throws IOException {
    Path out = dir.resolve("report");
    String[] args = {"compare", "-t", trace.toString(), "-p", "bimodal", "--out",
        out.toString()};
    assertEquals(0, Cli.run(args).exitCode());
    Files.writeString(out.resolve("thesis.tex"), "precious");
    Cli again = Cli.run(args);
    assertEquals(0, again.exitCode(), again.toString());
    assertEquals("precious", Files.readString(out.resolve("thesis.tex")));
    Cli report = Cli.run("report", out.toString(), "--out", out.toString());
    assertEquals(0, report.exitCode(), report.toString());
    assertEquals("precious", Files.readString(out.resolve("thesis.tex")));
    assertTrue(Files.isRegularFile(out.resolve("index.html")));
  }

  @Test
  void theReproduceCommandOfCompareReproducesItsResultsWhenPasted() throws IOException {
    Path out = dir.resolve("my report");
    Cli first = Cli.run("compare", "-t", trace.toString(), "-p", "bimodal:index_bits=6",
        "-p", "gshare:history=5,index_bits=8", "--top", "3", "--out", out.toString());
    assertEquals(0, first.exitCode(), first.toString());
    byte[] results = Files.readAllBytes(out.resolve("results.json"));
    String command = reproduceCommand(out);
    assertTrue(command.startsWith("./bpsim compare -t "), command);

    Cli pasted = paste(command);
    assertEquals(0, pasted.exitCode(), command + "\n" + pasted);
    assertArrayEquals(results, Files.readAllBytes(out.resolve("results.json")),
        "the pasted command gave other results: " + command);

    Path merged = dir.resolve("merged");
    assertEquals(0, Cli.run("report", out.resolve("results.json").toString(), "--out",
        merged.toString()).exitCode());
    byte[] mergedResults = Files.readAllBytes(merged.resolve("results.json"));
    String reportCommand = reproduceCommand(merged);
    assertTrue(reportCommand.startsWith("./bpsim report "), reportCommand);
    Files.delete(merged.resolve("results.json"));
    Cli pastedReport = paste(reportCommand);
    assertEquals(0, pastedReport.exitCode(), reportCommand + "\n" + pastedReport);
    assertArrayEquals(mergedResults, Files.readAllBytes(merged.resolve("results.json")));
  }

  /** The command of the page's Reproduce section, as a reader would copy it. */
  private static String reproduceCommand(Path report) throws IOException {
    String page = Files.readString(report.resolve("index.html"));
    java.util.regex.Matcher matcher = java.util.regex.Pattern
        .compile("<h2>Reproduce</h2>\\s*<pre>(.*?)</pre>", java.util.regex.Pattern.DOTALL)
        .matcher(page);
    assertTrue(matcher.find(), "no Reproduce section");
    return matcher.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  /** Runs a pasted command line the way a POSIX shell splits it (plain words, '...' quotes). */
  private static Cli paste(String command) {
    List<String> words = new java.util.ArrayList<>();
    StringBuilder word = null;
    boolean quoted = false;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quoted) {
        if (c == '\'') {
          quoted = false;
        } else {
          word.append(c);
        }
      } else if (c == '\'') {
        quoted = true;
        word = word == null ? new StringBuilder() : word;
      } else if (c == '\\' && i + 1 < command.length()) {
        word = word == null ? new StringBuilder() : word;
        word.append(command.charAt(++i));
      } else if (c == ' ') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    assertEquals("./bpsim", words.get(0), command);
    return Cli.run(words.subList(1, words.size()).toArray(new String[0]));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"TERM", "INT"})
  void anInterruptedConvertLeavesNoTemporaryFile(String signal) throws Exception {
    if (signal.equals("INT")) {
      Assumptions.assumeFalse(ignoresSigint(), "skipped: SIGINT is ignored by this test's "
          + "process (run as a background job), so a child JVM cannot receive it either");
    }
    // A trace large enough that convert is still writing when its temporary appears; should
    // it finish before this test sees it (a very fast machine), a larger one is tried.
    for (int lines = 4_000_000; lines <= 16_000_000; lines *= 2) {
      Path input = bigTrace(lines);
      Path out = dir.resolve("out.bpt");
      Process process = SpecialFiles.bpsim("convert", input.toString(), out.toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("convert.log").toFile())
          .start();
      try {
        while (hiddenBeside(dir, "out.bpt").isEmpty() && process.isAlive()) {
          Thread.sleep(1);
        }
        if (!process.isAlive()) {
          assertEquals(0, process.exitValue(), Files.readString(dir.resolve("convert.log")));
          Files.delete(out);
          continue; // finished before it could be interrupted
        }
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start()
            .waitFor();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "convert ignored SIG" + signal);
        assertEquals(List.of(), hiddenBeside(dir, "out.bpt"),
            "temporary left behind after SIG" + signal);
        if (Files.exists(out)) {
          Files.delete(out); // the signal came just after the rename: a whole file, try again
          continue;
        }
        assertNotEquals(0, process.exitValue(), "an interrupted convert exited 0");
        return;
      } finally {
        process.destroyForcibly();
        Files.deleteIfExists(input);
      }
    }
    throw new AssertionError("convert always finished before it could be interrupted");
  }

  /** A CBP-1 text trace of {@code lines} branches, written fast. */
  private Path bigTrace(int lines) throws IOException {
    Path path = dir.resolve("big.txt");
    java.util.SplittableRandom random = new java.util.SplittableRandom(lines);
    try (java.io.Writer out = Files.newBufferedWriter(path)) {
      for (int i = 0; i < lines; i++) {
        out.write(Long.toHexString(0x400000L + 4L * random.nextInt(4096)));
        out.write(random.nextBoolean() ? " 1\n" : " 0\n");
      }
    }
    return path;
  }

  @Test
  void theNextRunRemovesTemporariesThatACrashedRunLeft() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path crashed = Files.writeString(dir.resolve(".out.bpt" + TEMPORARY + gone.pid() + "-0"),
        "half a conversion");
    Cli cli = Cli.run("convert", trace.toString(), dir.resolve("out.bpt").toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    assertFalse(Files.exists(crashed), "the crashed run's temporary is still there");
    assertEquals(List.of(), temporaries(dir));
  }

  /** Hidden files named after {@code name}: its temporaries, whatever their naming scheme. */
  private static List<String> hiddenBeside(Path folder, String name) throws IOException {
    return entries(folder).stream().filter(n -> n.startsWith("." + name)).toList();
  }

  private static List<String> temporaries(Path folder) throws IOException {
    return entries(folder).stream().filter(n -> n.contains(TEMPORARY)).toList();
  }

  /** Whether SIGINT is ignored here (Linux: bit 2 of SigIgn), as in a background job. */
  private static boolean ignoresSigint() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseLong(line.substring(7).strip(), 16) & 0x2) != 0;
      }
    }
    return false;
  }
}
