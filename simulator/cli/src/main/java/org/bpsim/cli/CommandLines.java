package org.bpsim.cli;

import java.util.List;
import java.util.regex.Pattern;

/** The command as the user typed it, quoted so that it can be pasted back into a shell. */
final class CommandLines {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private CommandLines() {
  }

  /**
   * {@code ./bpsim} and the arguments bpsim was given, the command's name among them
   * ({@code ParseResult.originalArgs()} of the top-level command line).
   */
  static String of(List<String> args) {
    StringBuilder line = new StringBuilder("./bpsim");
    for (String arg : args) {
      line.append(' ').append(PLAIN.matcher(arg).matches() ? arg
          : "'" + arg.replace("'", "'\\''") + "'");
    }
    return line.toString();
  }
}
