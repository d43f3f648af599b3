package org.bpsim.cli;

import org.bpsim.replay.PluginExits;

/** Entry point of the {@code bpsim} launcher. */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    // A plugin's System.exit during the run becomes a failed predictor, not the end of bpsim.
    PluginExits.install();
    PluginExits.exit(BpsimCommand.commandLine().execute(args));
  }
}
