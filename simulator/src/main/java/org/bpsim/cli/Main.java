package org.bpsim.cli;

import picocli.CommandLine;

/** Entry point of the {@code bpsim} launcher. */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    System.exit(BpsimCommand.commandLine().execute(args));
  }
}
