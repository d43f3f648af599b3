package org.bpsim.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trace cannot be read: truncated, corrupt, or not the format it claims to be. The message
 * names the file and where in it the problem is, ready to show the user as one line.
 */
public final class TraceFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public TraceFormatException(Path file, String where, String problem) {
    super(file + ": " + (where == null || where.isEmpty() ? "" : where + ": ") + problem);
  }

  public TraceFormatException(Path file, String where, String problem, Throwable cause) {
    this(file, where, problem);
    initCause(cause);
  }
}
