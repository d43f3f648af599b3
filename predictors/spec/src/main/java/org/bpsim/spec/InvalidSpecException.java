package org.bpsim.spec;

/**
 * A spec the user wrote is not valid; the message, one line, names the kind of plugin and says
 * why and what is valid. The error of every {@link PluginKind} that has no exception of its own.
 */
public class InvalidSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidSpecException(String message) {
    super(message);
  }
}
