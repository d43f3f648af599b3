package org.bpsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs the {@code bpsim} command line in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {

  static Cli run(String... args) {
    CommandLine commandLine = BpsimCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Cli(exitCode, out.toString(), err.toString());
  }

  /** Standard error split into lines, without the empty tail after the last newline. */
  List<String> errLines() {
    return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
  }
}
