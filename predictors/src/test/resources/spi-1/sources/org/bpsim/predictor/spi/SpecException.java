package org.bpsim.predictor.spi;

/** A predictor spec the user wrote is not valid; the message says why and what is valid. */
public final class SpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SpecException(String message) {
    super(message);
  }
}
