package org.bpsim.cli;

import java.io.PrintWriter;
import org.bpsim.predictor.spi.SpecException;
import org.bpsim.error.UserException;
import org.bpsim.trace.TraceFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bpsim}: the top-level command; the work is in its subcommands. */
@Command(name = "bpsim", mixinStandardHelpOptions = true,
    versionProvider = BpsimCommand.Version.class,
    description = "Trace-driven branch prediction simulator.",
    subcommands = {RunCommand.class, CompareCommand.class, ReportCommand.class,
        PredictorsCommand.class, InfoCommand.class, ConvertCommand.class, RecordCommand.class,
        CacheCommand.class, SimulateCommand.class, ConfigsCommand.class,
        DiffMispredictionsCommand.class, SweepCommand.class, CommandLine.HelpCommand.class})
public final class BpsimCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'run'");
  }

  /** A command line whose errors come out as one line and exit code 2 when they are the user's. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new BpsimCommand());
    commandLine.setExecutionExceptionHandler(BpsimCommand::handle);
    commandLine.setExecutionStrategy(BpsimCommand::executeAndCheckOutput);
    commandLine.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("bpsim: " + ex.getMessage());
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
          + " --help' for usage.");
      err.flush();
      return ExitCodes.USER_ERROR;
    });
    return commandLine;
  }

  /**
   * Runs the command, then makes sure that what it printed reached standard output: a
   * PrintWriter (and System.out, a PrintStream) only records a failed write, so without this
   * {@code bpsim run > /dev/full} would lose the results and exit 0.
   */
  private static int executeAndCheckOutput(CommandLine.ParseResult parseResult) {
    int exitCode = new CommandLine.RunLast().execute(parseResult);
    CommandLine commandLine = parseResult.commandSpec().commandLine();
    if (commandLine.getOut().checkError() | System.out.checkError()) {
      PrintWriter err = commandLine.getErr();
      err.println("bpsim: cannot write standard output (a full disk or a closed pipe?): "
          + "the output is lost or incomplete");
      err.flush();
      return ExitCodes.OUTPUT_FAILED;
    }
    return exitCode;
  }

  private static int handle(Exception ex, CommandLine commandLine,
      CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    Throwable cause = ex;
    while (cause instanceof java.util.concurrent.ExecutionException
        || cause instanceof java.io.UncheckedIOException) {
      cause = cause.getCause();
    }
    if (cause instanceof org.bpsim.output.OutputWriteException) {
      // Not the user's input at fault, and the output is lost: never exit 0 or 2 for it.
      err.println("bpsim: " + cause.getMessage());
      err.flush();
      return ExitCodes.OUTPUT_FAILED;
    }
    if (cause instanceof TraceFormatException || cause instanceof SpecException
        || cause instanceof org.bpsim.spec.InvalidSpecException
        || cause instanceof UserException || cause instanceof java.nio.file.NoSuchFileException
        || cause instanceof java.nio.file.AccessDeniedException
        || cause instanceof org.bpsim.report.ResultsFileException
        || cause instanceof org.bpsim.report.ReportTargetException
        || cause instanceof org.bpsim.output.OutputTargetException) {
      err.println("bpsim: " + message(cause));
      err.flush();
      return ExitCodes.USER_ERROR;
    }
    if (cause instanceof java.io.IOException) {
      err.println("bpsim: I/O error: " + message(cause));
      err.flush();
      return ExitCodes.USER_ERROR;
    }
    err.println("bpsim: internal error, please report it: " + cause);
    cause.printStackTrace(err);
    err.flush();
    return ExitCodes.INTERNAL_ERROR;
  }

  private static String message(Throwable t) {
    if (t instanceof java.nio.file.NoSuchFileException) {
      return t.getMessage() + ": no such file";
    }
    if (t instanceof java.nio.file.AccessDeniedException) {
      return t.getMessage() + ": permission denied";
    }
    return t.getMessage();
  }

  /** The version from the jar manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"bpsim " + version()};
    }
  }

  static String version() {
    String version = BpsimCommand.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
