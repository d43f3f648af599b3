package org.bpsim.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bpsim.report.Comparison;
import org.bpsim.report.Provenance;
import org.bpsim.report.ReportFiles;
import org.bpsim.report.ReportFolder;
import org.bpsim.report.ResultFormat;
import org.bpsim.replay.RunResult;
import org.bpsim.report.SweepReport;
import org.bpsim.error.UserException;

/**
 * Once every task is recorded: {@code results.json} and {@code results.csv} in the folder, in
 * exactly the schema of {@code bpsim run --format json|csv} and in row order (trace, then
 * configuration in grid order), so their bytes depend on the results alone, never on the engine,
 * the shards or the order tasks finished in; then the report folder {@code report/}.
 */
public final class SweepMerge {
  private SweepMerge() {
  }

  /** The rows, in order; refuses while tasks are pending, naming how many. */
  public static List<RunResult> rows(SweepFolder folder) throws IOException {
    SweepManifest manifest = SweepManifest.of(folder);
    List<RunResult> rows = new ArrayList<>();
    int pending = 0;
    String first = null;
    for (SweepPlan.Task task : manifest.tasks()) {
      Optional<RunResult> row = folder.result(task);
      if (row.isEmpty()) {
        pending++;
        first = first == null ? task.id() : first;
      } else {
        rows.add(row.get());
      }
    }
    if (pending > 0) {
      throw new UserException(folder.root() + ": " + pending + " task(s) not done yet (first: "
          + first + "); run the missing shards or 'bpsim sweep status' to see them");
    }
    return rows;
  }

  /** Writes the results files and the report; returns the rows. */
  public static List<RunResult> merge(SweepFolder folder, Provenance provenance)
      throws IOException {
    List<RunResult> rows = rows(folder);
    SweepManifest manifest = SweepManifest.of(folder);
    SweepFolder.writeAtomically(folder.root().resolve(ReportFiles.RESULTS_JSON),
        ResultFormat.JSON.render(rows));
    SweepFolder.writeAtomically(folder.root().resolve(ReportFiles.RESULTS_CSV),
        ResultFormat.CSV.render(rows));
    List<SweepReport.Configuration> configs = new ArrayList<>();
    for (int c = 0; c < manifest.predictors().size(); c++) {
      SweepSpec.GridPoint point = manifest.points().get(c);
      configs.add(new SweepReport.Configuration(manifest.predictors().get(c), point.grid(),
          point.keys()));
    }
    Comparison comparison = new Comparison(rows, manifest.predictors().get(0), List.of(),
        provenance, Optional.empty());
    Map<String, String> files = new java.util.LinkedHashMap<>(ReportFiles.of(comparison));
    files.putAll(SweepReport.files(rows, configs));
    ReportFolder.write(folder.root().resolve(SweepFolder.REPORT), files);
    return rows;
  }
}
