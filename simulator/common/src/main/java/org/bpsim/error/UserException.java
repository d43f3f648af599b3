package org.bpsim.error;

/** Something the user asked for cannot be done; the message says what and why, in one line. */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }
}
