package org.bpsim.sweep.archfixture;

import org.bpsim.cli.Main;

/**
 * Breaks "jobs do not use commands" on purpose: a job that calls the command line. Only
 * {@link org.bpsim.architecture.ArchitectureRulesBiteTest} imports it.
 */
final class JobStartingTheCommandLine {
  private JobStartingTheCommandLine() {}

  static void run(String... args) {
    Main.main(args);
  }
}
