package org.bpsim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code bpsim sweep --slurm}: the array job and what sbatch is told. */
public final class SlurmOptions {
  @Option(names = "--slurm", description = "Submit to Slurm: an array job of --tasks shards, "
      + "then a merge job (afterok).")
  boolean slurm;

  @Option(names = "--tasks", paramLabel = "N",
      description = "Array tasks (shards) of a --slurm sweep (default: one per trace, at most "
          + "100, at most one per task).")
  Integer tasks;

  @Option(names = "--partition", paramLabel = "NAME", description = "sbatch --partition.")
  String partition;

  @Option(names = "--time", paramLabel = "LIMIT", description = "sbatch --time, per job.")
  String time;

  @Option(names = "--mem", paramLabel = "SIZE", description = "sbatch --mem.")
  String mem;

  @Option(names = "--account", paramLabel = "NAME", description = "sbatch --account.")
  String account;

  @Option(names = "--slurm-option", paramLabel = "OPTION",
      description = "Any other sbatch option, e.g. --slurm-option=--qos=long (repeatable).")
  List<String> slurmOptions = new ArrayList<>();

  @Option(names = "--wait", description = "With --slurm: wait for the merge job and return its "
      + "exit code.")
  boolean await;

  /** The sbatch options given, as {@code --name=value}, then the {@code --slurm-option}s. */
  List<String> sbatchOptions() {
    List<String> options = new ArrayList<>();
    addOption(options, "--partition", partition);
    addOption(options, "--time", time);
    addOption(options, "--mem", mem);
    addOption(options, "--account", account);
    options.addAll(slurmOptions);
    return options;
  }

  private static void addOption(List<String> options, String option, String value) {
    if (value != null) {
      options.add(option + "=" + value);
    }
  }
}
