package org.bpsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bpsim.sweep.SweepFolder;
import org.bpsim.sweep.SweepManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bpsim sweep status DIR}. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Tasks done, pending and failed in a sweep folder; names each failed task.")
public final class SweepStatusCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The sweep folder.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    SweepFolder folder = SweepFolder.existing(dir);
    SweepManifest manifest = SweepManifest.of(folder);
    SweepFolder.Status status = folder.status(manifest.tasks());
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf("%d task(s): %d done, %d pending, %d failed%n", status.total(),
        status.done(), status.pending().size(), status.failed().size());
    for (SweepFolder.Failure f : status.failed()) {
      stdout.println("failed: " + f.task().id() + " " + f.row().trace() + " "
          + f.row().predictor() + ": " + f.row().failure());
    }
    stdout.flush();
    return ExitCodes.OK;
  }
}

