package org.bpsim.predictor.spi.archfixture;

import com.google.common.base.Preconditions;
import org.bpsim.error.UserException;

/**
 * Breaks "the predictor SPI depends only on the JDK" twice on purpose: a library (Guava) and bpsim
 * itself ({@code org.bpsim.error}). Only {@link org.bpsim.architecture.ArchitectureRulesBiteTest}
 * imports it.
 */
final class SpiUsingGuavaAndUserException {
  private SpiUsingGuavaAndUserException() {}

  static void require(boolean valid) {
    Preconditions.checkArgument(valid);
    if (!valid) {
      throw new UserException("never reached");
    }
  }
}
