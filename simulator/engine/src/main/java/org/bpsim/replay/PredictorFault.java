package org.bpsim.replay;

/**
 * Plugin code run on a {@link PredictorLane} was given up: it made no progress within the
 * timeout, or it called {@code System.exit}. The message says which, on one line.
 */
public final class PredictorFault extends Exception {
  private static final long serialVersionUID = 1L;

  PredictorFault(String message) {
    super(message, null, false, false);
  }
}
