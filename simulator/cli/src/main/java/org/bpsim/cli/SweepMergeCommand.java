package org.bpsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bpsim.replay.RunResult;
import org.bpsim.sweep.SweepFolder;
import org.bpsim.sweep.SweepMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bpsim sweep merge DIR}. */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Write results.json, results.csv and the report once every task is done; "
        + "exit 3 when any task failed.")
public final class SweepMergeCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The sweep folder.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    SweepFolder folder = SweepFolder.existing(dir);
    List<RunResult> rows = SweepMerge.merge(folder, SweepCommand.provenance(spec));
    return SweepCommand.finish(folder, rows, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
