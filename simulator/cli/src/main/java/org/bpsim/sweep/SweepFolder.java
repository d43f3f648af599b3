package org.bpsim.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bpsim.output.AtomicFiles;
import org.bpsim.report.ResultFormat;
import org.bpsim.report.ResultsFileException;
import org.bpsim.report.ResultsJson;
import org.bpsim.replay.RunResult;
import org.bpsim.error.UserException;

/**
 * A sweep's output folder, shared by every shard:
 * <pre>
 *   sweep.json          the sweep's fingerprint (traces, configurations, window)
 *   tasks/ID.json       one finished task: a results file of one row, written atomically
 *   results.json/.csv   all rows once every task is done (merge)
 *   report/             the report folder of bpsim report, plus the sweep page
 *   slurm/              job scripts, logs and exit codes of a --slurm submission
 * </pre>
 * A task file holds the row of {@code bpsim run --format json}; a failed task's row carries its
 * error. Writing each file to a temporary name and renaming it means that a crash leaves either
 * no task file or a whole one.
 */
public final class SweepFolder {
  public static final String FINGERPRINT = "sweep.json";
  public static final String TASKS = "tasks";
  public static final String REPORT = "report";
  public static final String SLURM = "slurm";

  private final Path root;

  private SweepFolder(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * Opens {@code root} for {@code plan}, creating it; refuses a folder made by another sweep, or
   * a non-empty folder that is not a sweep.
   */
  public static SweepFolder create(Path root, SweepPlan plan) throws IOException {
    SweepFolder folder = new SweepFolder(root);
    Path fingerprint = folder.root.resolve(FINGERPRINT);
    String expected = plan.fingerprint();
    if (Files.isRegularFile(fingerprint)) {
      String found = Files.readString(fingerprint);
      if (!found.equals(expected)) {
        throw new UserException(root + ": made by a different sweep spec (its " + FINGERPRINT
            + " differs: other traces, predictors or window); choose another --out");
      }
    } else {
      if (Files.isDirectory(folder.root)) {
        try (var entries = Files.list(folder.root)) {
          if (entries.anyMatch(p -> !p.getFileName().toString().startsWith("."))) {
            throw new UserException(root + ": exists and is not a sweep folder (no "
                + FINGERPRINT + "); choose another --out");
          }
        }
      } else if (Files.exists(folder.root)) {
        throw new UserException(root + ": exists and is not a folder");
      }
      Files.createDirectories(folder.root);
      writeAtomically(fingerprint, expected);
    }
    Files.createDirectories(folder.root.resolve(TASKS));
    return folder;
  }

  /** Opens an existing sweep folder (status, merge). */
  public static SweepFolder existing(Path root) {
    SweepFolder folder = new SweepFolder(root);
    if (!Files.isRegularFile(folder.root.resolve(FINGERPRINT))) {
      throw new UserException(root + ": not a sweep folder (no " + FINGERPRINT + ")");
    }
    return folder;
  }

  public Path root() {
    return root;
  }

  /** The fingerprint the folder was made with. */
  public String fingerprint() throws IOException {
    return Files.readString(root.resolve(FINGERPRINT));
  }

  Path taskFile(SweepPlan.Task task) {
    return root.resolve(TASKS).resolve(task.id() + ".json");
  }

  /** The recorded row of a task, if it has run (successfully or not). */
  public Optional<RunResult> result(SweepPlan.Task task) throws IOException {
    Path file = taskFile(task);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      List<RunResult> rows = ResultsJson.read(file);
      return rows.size() == 1 ? Optional.of(rows.get(0)) : Optional.empty();
    } catch (ResultsFileException e) {
      return Optional.empty(); // not ours or damaged by hand: the task runs again
    }
  }

  /** Whether the task has a row that did not fail: it never runs again. */
  public boolean done(SweepPlan.Task task) throws IOException {
    return result(task).map(r -> !r.failed()).orElse(false);
  }

  void record(SweepPlan.Task task, RunResult result) throws IOException {
    writeAtomically(taskFile(task), ResultFormat.JSON.render(List.of(result)));
  }

  /** Every task's state, for {@code sweep status}. */
  public Status status(List<SweepPlan.Task> tasks) throws IOException {
    List<SweepPlan.Task> pending = new ArrayList<>();
    List<Failure> failed = new ArrayList<>();
    int done = 0;
    for (SweepPlan.Task task : tasks) {
      Optional<RunResult> r = result(task);
      if (r.isEmpty()) {
        pending.add(task);
      } else if (r.get().failed()) {
        failed.add(new Failure(task, r.get()));
      } else {
        done++;
      }
    }
    return new Status(tasks.size(), done, pending, failed);
  }

  /** A failed task and its row (trace, predictor, error). */
  public record Failure(SweepPlan.Task task, RunResult row) {
  }

  /** Counts of a sweep's tasks. */
  public record Status(int total, int done, List<SweepPlan.Task> pending, List<Failure> failed) {
    public boolean complete() {
      return pending.isEmpty();
    }
  }

  /** A file written under a temporary name, then renamed: readers see nothing or all of it. */
  public static void writeAtomically(Path target, String text) throws IOException {
    AtomicFiles.write(target, text);
  }

}
