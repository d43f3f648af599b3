package org.bpsim.report;

/** The report cannot go where the user asked; the message names the place and why. */
public final class ReportTargetException extends java.io.IOException {
  private static final long serialVersionUID = 1L;

  public ReportTargetException(String message) {
    super(message);
  }
}
