package org.bpsim.cli;

import java.io.PrintWriter;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.record.QemuRecorder;
import org.bpsim.record.RecordingSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bpsim record}: runs a program under QEMU and writes what it executes as a trace. */
@Command(name = "record", mixinStandardHelpOptions = true,
    description = {"Record a Linux x86-64 program's executed instructions (addresses, branch "
        + "kinds and outcomes, memory accesses) as an xz-compressed ChampSim trace.",
        "Runs the program under QEMU user-mode emulation (Debian package qemu-user) with a small "
            + "plugin that bpsim builds with the C compiler on first use.",
        "Example: bpsim record -o gzip.champsimtrace.xz --skip 1000000 --max-instructions "
            + "5000000 -- gzip -c -9 /usr/share/common-licenses/GPL-3"})
public final class RecordCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
      description = "The trace to write (xz-compressed ChampSim, e.g. name.champsimtrace.xz).")
  Path output;

  @Option(names = "--skip", paramLabel = "N", defaultValue = "0",
      description = "Instructions to execute before recording starts (default: ${DEFAULT-VALUE}).")
  long skip;

  @Option(names = "--max-instructions", paramLabel = "N",
      description = "Record at most N instructions, then stop the program (default: until it "
          + "exits).")
  Long maxInstructions;

  @Option(names = "--program-output", paramLabel = "FILE",
      description = "Send the program's standard output and error to FILE (default: inherited).")
  Path programOutput;

  @Option(names = "--clean-environment",
      description = "Run the program with only PATH=/usr/local/bin:/usr/bin:/bin and LC_ALL=C, "
          + "so that its stack addresses (and the trace) do not depend on your environment.")
  boolean cleanEnvironment;

  @Option(names = "--env", paramLabel = "NAME=VALUE",
      description = "Set an environment variable for the program (repeatable), e.g. "
          + "PYTHONHASHSEED=0 so that an interpreter's hash tables, and the trace, repeat.")
  Map<String, String> environment = new LinkedHashMap<>();

  @Parameters(paramLabel = "PROGRAM", arity = "1..*",
      description = "The program and its arguments (put -- before them).")
  List<String> command;

  @Override
  public Integer call() throws Exception {
    if (skip < 0) {
      throw new ParameterException(spec.commandLine(), "--skip must be >= 0, not " + skip);
    }
    if (maxInstructions != null && maxInstructions <= 0) {
      throw new ParameterException(spec.commandLine(),
          "--max-instructions must be > 0, not " + maxInstructions);
    }
    Redirect redirect = programOutput == null ? Redirect.INHERIT
        : Redirect.to(programOutput.toFile());
    QemuRecorder.Recording recording = QemuRecorder.record(output, skip,
        maxInstructions == null ? Long.MAX_VALUE : maxInstructions, command, redirect,
        cleanEnvironment, environment);
    report(recording, spec.commandLine().getErr());
    return ExitCodes.OK;
  }

  /** The summary goes to standard error: standard output may be the program's. */
  private void report(QemuRecorder.Recording recording, PrintWriter err) {
    RecordingSummary summary = recording.summary();
    long branches = 0;
    for (long count : summary.branchesByKind()) {
      branches += count;
    }
    err.printf(Locale.ROOT, "recorded %,d instructions, %,d branches (%,d conditional, %,d taken) "
            + "into %s%n", summary.instructions(), branches,
        summary.branches(BranchKind.CONDITIONAL), summary.conditionalTaken(), output);
    if (summary.executed() >= 0) {
      err.printf(Locale.ROOT, "the program ran to its end (%,d instructions in all) with exit "
          + "status %d%n", summary.executed(), recording.exitStatus());
    } else {
      err.printf(Locale.ROOT, "stopped the program after %,d recorded instructions%n",
          summary.instructions());
    }
    if (summary.droppedAccesses() > 0) {
      err.printf(Locale.ROOT, "%,d memory accesses did not fit a ChampSim record (4 loads, "
          + "2 stores) and were left out%n", summary.droppedAccesses());
    }
    if (summary.unrecognisedInstructions() > 0) {
      err.printf(Locale.ROOT, "%,d instructions had a mnemonic bpsim does not know: their "
          + "registers are a guess (all named registers read, the last written)%n",
          summary.unrecognisedInstructions());
    }
    err.flush();
  }
}
