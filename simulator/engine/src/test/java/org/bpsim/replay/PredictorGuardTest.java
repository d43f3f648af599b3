package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --predictor-timeout} values: an integer with ms, s, m or h; 0 for none. */
final class PredictorGuardTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"0, 0", "5s, 5000", "10m, 600000", "1500ms, 1500", "2h, 7200000", "0s, 0",
      "10M, 600000"})
  void aDurationIsAnIntegerWithAUnit(String text, long millis) {
    Duration duration = PredictorGuard.parseTimeout(text);
    assertEquals(millis, duration.toMillis(), text);
    if (millis > 0) {
      assertEquals(duration, PredictorGuard.parseTimeout(PredictorGuard.format(duration)));
    }
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "10", "-5s", "1.5s", "5 min", "s", "5d", "ms10", "99999999999999h"})
  void anythingElseIsRefusedNamingTheValue(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PredictorGuard.parseTimeout(text));
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
  }
}
