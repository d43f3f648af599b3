package org.bpsim.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bpsim.error.UserException;

/**
 * Submits a sweep to Slurm through its own commands ({@code sbatch}, {@code squeue},
 * {@code scancel}): an array job of N shards, each running {@code bpsim sweep ... --shard I/N},
 * then a merge job that depends on it ({@code afterok}, killed by Slurm if that can never be
 * met). Both job scripts are written into {@code DIR/slurm/}, where users can read and resubmit
 * them; each task's exit code lands beside them, so a waiting client can tell a finished shard
 * from one that was cancelled or died.
 *
 * @param folder the sweep folder, on a file system every node shares
 * @param shardCommand the command that runs one shard, without {@code --shard}: the same java,
 *     the same JVM options and the same bpsim jar for every task
 * @param mergeCommand the command that merges the folder
 * @param shards the array's size N
 * @param sbatchOptions passed to both jobs as {@code #SBATCH} lines ({@code --partition=...})
 */
public record SlurmSubmission(SweepFolder folder, List<String> shardCommand,
    List<String> mergeCommand, int shards, List<String> sbatchOptions) {

  public static final String ARRAY_SCRIPT = "array.sbatch";
  public static final String MERGE_SCRIPT = "merge.sbatch";
  public static final String MERGE_EXIT = "merge.exit";

  /** The ids Slurm gave the two jobs. */
  public record Jobs(String array, String merge) {
  }

  /** How a waited-for sweep ended: the merge's exit code, or why the merge never ran. */
  public record Ending(int exitCode, String message) {
  }

  public Path slurmFolder() {
    return folder.root().resolve(SweepFolder.SLURM);
  }

  /** Writes the two scripts into {@code DIR/slurm/}; returns their paths. */
  public List<Path> writeScripts() throws IOException {
    Path slurm = slurmFolder();
    Files.createDirectories(slurm);
    StringBuilder array = header("bpsim-sweep");
    array.append("#SBATCH --array=0-").append(shards - 1).append('\n')
        .append("#SBATCH --output=").append(slurm.resolve("shard-%a.log")).append('\n');
    for (String option : sbatchOptions) {
      array.append("#SBATCH ").append(option).append('\n');
    }
    array.append('\n').append("# one shard of ").append(shards)
        .append(" per array task; a shard whose tasks failed still exits 0 (they are "
            + "recorded),\n# so the merge runs and reports them\n")
        .append(shellWords(shardCommand))
        // without -j, a task uses the CPUs Slurm gave it, not every core of the node
        .append(shardCommand.contains("-j") ? "" : " -j \"${SLURM_CPUS_PER_TASK:-1}\"")
        .append(" --shard \"$SLURM_ARRAY_TASK_ID/")
        .append(shards).append("\"\ncode=$?\necho \"$code\" > ")
        .append(quote(slurm.toString())).append("/shard-\"$SLURM_ARRAY_TASK_ID\".exit\n")
        .append("exit \"$code\"\n");
    StringBuilder merge = header("bpsim-sweep-merge");
    merge.append("#SBATCH --output=").append(slurm.resolve("merge.log")).append('\n');
    for (String option : sbatchOptions) {
      merge.append("#SBATCH ").append(option).append('\n');
    }
    merge.append('\n').append(shellWords(mergeCommand)).append("\ncode=$?\necho \"$code\" > ")
        .append(quote(slurm.resolve(MERGE_EXIT).toString())).append("\nexit \"$code\"\n");
    Path arrayScript = slurm.resolve(ARRAY_SCRIPT);
    Path mergeScript = slurm.resolve(MERGE_SCRIPT);
    SweepFolder.writeAtomically(arrayScript, array.toString());
    SweepFolder.writeAtomically(mergeScript, merge.toString());
    return List.of(arrayScript, mergeScript);
  }

  /** Writes the scripts and submits both jobs; exit files of an earlier submission go first. */
  public Jobs submit() throws IOException, InterruptedException {
    List<Path> scripts = writeScripts();
    try (Stream<Path> files = Files.list(slurmFolder())) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".exit")).toList()) {
        Files.deleteIfExists(f);
      }
    }
    String array = jobId(run(List.of("sbatch", "--parsable", scripts.get(0).toString())));
    String merge = jobId(run(List.of("sbatch", "--parsable", "--dependency=afterok:" + array,
        "--kill-on-invalid-dep=yes", scripts.get(1).toString())));
    return new Jobs(array, merge);
  }

  /**
   * Waits until the merge job leaves the queue. Returns its exit code; or, when it never ran
   * (an array task was cancelled or died, so afterok cannot be met), a failure naming the array
   * tasks that did not finish. A merge held on a dependency that can never be met is cancelled
   * rather than waited on.
   */
  public Ending await(Jobs jobs, Consumer<String> progress)
      throws IOException, InterruptedException {
    String last = "";
    while (true) {
      Result queue = runAllowingFailure(List.of("squeue", "-h", "-j", jobs.merge(), "-o",
          "%T %r"));
      String state = queue.code == 0 ? queue.out.strip() : "";
      if (queue.code != 0 && !queue.err.contains("Invalid job id")) {
        throw new UserException("squeue failed: " + queue.err.strip());
      }
      if (state.isEmpty()) {
        break;
      }
      if (state.contains("DependencyNeverSatisfied")) {
        runAllowingFailure(List.of("scancel", jobs.merge()));
        return new Ending(SWEEP_JOB_FAILED, unfinished(jobs));
      }
      if (!state.equals(last)) {
        progress.accept("merge job " + jobs.merge() + ": " + state);
        last = state;
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    Path exit = slurmFolder().resolve(MERGE_EXIT);
    if (Files.isRegularFile(exit)) {
      String text = Files.readString(exit).strip();
      try {
        return new Ending(Integer.parseInt(text), "merge job " + jobs.merge()
            + " exited with " + text);
      } catch (NumberFormatException e) {
        return new Ending(SWEEP_JOB_FAILED, exit + ": not an exit code: " + text);
      }
    }
    return new Ending(SWEEP_JOB_FAILED, unfinished(jobs));
  }

  /** Exit code of a Slurm sweep whose jobs did not all run to the end. */
  public static final int SWEEP_JOB_FAILED = 4;

  /** Names the array tasks without an exit file (cancelled, killed) or with a non-zero one. */
  private String unfinished(Jobs jobs) throws IOException {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      Path exit = slurmFolder().resolve("shard-" + i + ".exit");
      String code = Files.isRegularFile(exit) ? Files.readString(exit).strip() : null;
      if (code == null) {
        names.add(jobs.array() + "_" + i + " (shard " + i + "/" + shards
            + ") was cancelled or died");
      } else if (!code.equals("0")) {
        names.add(jobs.array() + "_" + i + " (shard " + i + "/" + shards + ") exited with "
            + code + ", see " + slurmFolder().resolve("shard-" + i + ".log"));
      }
    }
    return "merge job " + jobs.merge() + " never ran: "
        + (names.isEmpty() ? "array job " + jobs.array() + " did not complete"
            : String.join("; ", names))
        + "; resubmit the same command to run only the missing tasks";
  }

  private static StringBuilder header(String name) {
    return new StringBuilder("#!/bin/bash\n# written by bpsim sweep --slurm\n#SBATCH --job-name=")
        .append(name).append('\n');
  }

  private static String jobId(String parsable) {
    String id = parsable.strip();
    int semicolon = id.indexOf(';');
    return semicolon < 0 ? id : id.substring(0, semicolon);
  }

  static String shellWords(List<String> words) {
    List<String> quoted = new ArrayList<>();
    for (String w : words) {
      quoted.add(quote(w));
    }
    return String.join(" ", quoted);
  }

  static String quote(String word) {
    if (word.matches("[A-Za-z0-9_./=:,+@%-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private record Result(int code, String out, String err) {
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Result r = runAllowingFailure(command);
    if (r.code != 0) {
      throw new UserException(command.get(0) + " failed (exit " + r.code + "): "
          + r.err.strip().replace('\n', ' '));
    }
    return r.out;
  }

  private static Result runAllowingFailure(List<String> command)
      throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new UserException(command.get(0) + ": not found; --slurm needs Slurm's commands "
          + "(sbatch, squeue, scancel) on the PATH");
    }
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    int code = process.waitFor();
    return new Result(code, new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).isEmpty() ? ""
            : new String(err, StandardCharsets.UTF_8));
  }
}
