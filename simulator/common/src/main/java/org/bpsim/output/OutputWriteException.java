package org.bpsim.output;

import java.io.IOException;

/**
 * Writing an output failed part-way (a full disk, a closed pipe, an I/O error); the message names
 * the output. Never a user's bad input, so it is not reported as one.
 */
public final class OutputWriteException extends IOException {
  private static final long serialVersionUID = 1L;

  public OutputWriteException(String output, IOException cause) {
    super("cannot write " + output + ": " + reason(cause), cause);
  }

  public OutputWriteException(String message) {
    super(message);
  }

  private static String reason(IOException cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }
}
