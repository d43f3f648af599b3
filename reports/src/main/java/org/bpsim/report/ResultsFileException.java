package org.bpsim.report;

import java.nio.file.Path;

/** A results file that cannot be read back; the message names the file and what is wrong. */
public final class ResultsFileException extends java.io.IOException {
  private static final long serialVersionUID = 1L;

  public ResultsFileException(Path file, String problem) {
    super(file + ": " + problem);
  }
}
