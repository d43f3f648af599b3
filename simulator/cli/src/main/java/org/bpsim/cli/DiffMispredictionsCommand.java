package org.bpsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bpsim.job.DiffJob;
import org.bpsim.report.ListComparison;
import org.bpsim.report.ListComparisonText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bpsim diff-mispredictions A B}: compares misprediction lists branch by branch, as
 * {@code bpsim run --mispredictions} writes them and the championship reference files are.
 */
@Command(name = "diff-mispredictions", mixinStandardHelpOptions = true,
    description = {"Compare two misprediction lists, or two folders of them, branch by branch.",
        "A list is gzip text with one line '<index> <pc-hex> <taken 0|1>' per mispredicted "
            + "conditional branch, indices increasing (as 'bpsim run --mispredictions' writes).",
        "Folders are paired by file name (their *.txt.gz files); a file and a folder compare "
            + "the file with the folder's file of the same name. For each pair: whether the "
            + "lists are equal, else the first index where they part (with both lines) and "
            + "the number of lines only in A and only in B.",
        "Exit code 0 when every pair is equal, 1 when any differs or a file is on one side "
            + "only, 2 for a missing, non-gzip or malformed file (named with its line)."})
public final class DiffMispredictionsCommand implements Callable<Integer> {
  /** Exit code when some lists differ (as {@code diff} gives). */
  static final int DIFFERENT = 1;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "A list file or a folder of lists.")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "A list file or a folder of lists.")
  Path b;

  @Override
  public Integer call() throws IOException {
    ListComparison comparison = DiffJob.run(a, b);
    PrintWriter out = spec.commandLine().getOut();
    out.print(ListComparisonText.render(comparison));
    out.flush();
    return comparison.allEqual() ? ExitCodes.OK : DIFFERENT;
  }
}
