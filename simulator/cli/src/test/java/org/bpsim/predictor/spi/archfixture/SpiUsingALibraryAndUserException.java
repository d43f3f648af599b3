package org.bpsim.predictor.spi.archfixture;

import org.bpsim.error.UserException;
import picocli.CommandLine;

/**
 * Breaks "the predictor SPI depends only on the JDK" twice on purpose: a library (picocli) and
 * bpsim itself ({@code org.bpsim.error}). Only {@link org.bpsim.architecture.ArchitectureRulesBiteTest}
 * imports it.
 */
final class SpiUsingALibraryAndUserException {
  private SpiUsingALibraryAndUserException() {}

  static void require(boolean valid) {
    if (!valid) {
      throw new CommandLine.ParameterException(new CommandLine(new Object()), "never reached");
    }
    throw new UserException("never reached");
  }
}
