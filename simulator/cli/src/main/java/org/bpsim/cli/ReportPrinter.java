package org.bpsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.bpsim.report.Comparison;
import org.bpsim.report.ReportFiles;
import org.bpsim.report.ReportFolder;
import org.bpsim.report.SummaryTable;
import picocli.CommandLine.Model.CommandSpec;

/** What compare and report do with a comparison: the folder, then the summary on stdout. */
final class ReportPrinter {
  private ReportPrinter() {
  }

  /** Writes the report folder, then prints the summary table and where the page is. */
  static void write(CommandSpec spec, Path out, Comparison comparison) throws IOException {
    ReportFolder.write(out, ReportFiles.of(comparison));
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(SummaryTable.render(comparison));
    stdout.println();
    stdout.println("report: " + out.resolve(ReportFiles.INDEX));
    stdout.flush();
  }
}
