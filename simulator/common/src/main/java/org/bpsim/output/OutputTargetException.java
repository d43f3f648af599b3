package org.bpsim.output;

import java.io.IOException;

/**
 * An output cannot go where the user asked (a folder given as a file, the input itself, a socket
 * ...); the message names the place and why. A user error: nothing was written.
 */
public class OutputTargetException extends IOException {
  private static final long serialVersionUID = 1L;

  public OutputTargetException(String message) {
    super(message);
  }
}
