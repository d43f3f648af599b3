package org.bpsim.cli;

import org.bpsim.trace.ProjectRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bpsim.record.Executables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code record} example works as printed: its command is read from README.md and
 * run (its output files moved into a temporary folder), so the example cannot drift from what
 * the recorder accepts. Skipped, saying so, without QEMU, a C compiler, gzip or the licence file.
 */
final class ReadmeRecordExampleTest {
  private static final Path README = ProjectRoot.resolve("README.md");

  @TempDir
  Path dir;

  /** The words of the first {@code ./bpsim record} command in the README, joined over '\'. */
  static List<String> readmeRecordCommand() throws IOException {
    List<String> lines = Files.readAllLines(README);
    StringBuilder command = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().startsWith("./bpsim record ")) {
        for (int j = i; j < lines.size(); j++) {
          String line = lines.get(j).trim();
          boolean continues = line.endsWith("\\");
          command.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
          if (!continues) {
            break;
          }
        }
        break;
      }
    }
    assertTrue(command.length() > 0, "README.md has no ./bpsim record example");
    List<String> words = new ArrayList<>(Arrays.asList(command.toString().trim().split("\\s+")));
    words.remove(0);
    return words;
  }

  @Test
  void theReadmeRecordExampleRecordsWhatItSays() throws IOException {
    assumeTrue(Files.exists(README), "no README.md beside the module: skipping");
    List<String> args = readmeRecordCommand();
    int program = args.indexOf("--");
    assumeTrue(Executables.find("qemu-x86_64") != null,
        "qemu-x86_64 is not installed (apt-get install qemu-user): skipping the README example");
    assumeTrue(Executables.find("gcc") != null || Executables.find("cc") != null,
        "no C compiler: skipping the README example");
    assumeTrue(Executables.find(args.get(program + 1)) != null,
        args.get(program + 1) + " is not installed: skipping the README example");
    for (String word : args.subList(program + 1, args.size())) {
      if (word.startsWith("/")) {
        assumeTrue(Files.exists(Path.of(word)), word + " is missing: skipping");
      }
    }
    // the example's files go to the temporary folder, never beside the tests or to /dev
    Path trace = dir.resolve("example.champsimtrace.xz");
    args.set(args.indexOf("-o") + 1, trace.toString());
    int output = args.indexOf("--program-output");
    if (output >= 0) {
      args.set(output + 1, dir.resolve("program.out").toString());
    }
    long max = Long.parseLong(args.get(args.indexOf("--max-instructions") + 1));

    Cli outcome = Cli.run(args.toArray(new String[0]));
    assertEquals(ExitCodes.OK, outcome.exitCode(), "bpsim " + String.join(" ", args) + "\n"
        + outcome);
    assertTrue(outcome.err().contains(String.format(java.util.Locale.ROOT,
        "recorded %,d instructions", max)), outcome.toString());
    assertTrue(Files.size(trace) > 0);
  }
}
