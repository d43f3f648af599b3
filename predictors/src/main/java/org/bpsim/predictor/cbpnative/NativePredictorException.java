package org.bpsim.predictor.cbpnative;

/**
 * A native predictor's child process failed: it died (the message names the signal or the exit
 * status, and the last thing it wrote on standard error), or it broke the reply protocol. The
 * message is one line, for a failed row.
 */
public final class NativePredictorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NativePredictorException(String message) {
    super(message, null, false, false);
  }
}
