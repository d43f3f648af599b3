package org.bpsim.predictor.tage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class GeometricHistoryLengthsTest {

  @Test
  void lengthsGrowGeometricallyFromShortestToLongest() {
    int[] lengths = GeometricHistoryLengths.of(18, 6, 3000);
    assertEquals(6, lengths[0]);
    assertEquals(3000, lengths[17]);
    double ratio = Math.pow(3000.0 / 6, 1.0 / 17);
    for (int i = 1; i < lengths.length; i++) {
      assertTrue(lengths[i] > lengths[i - 1], "strictly increasing at " + i);
      double expected = 6 * Math.pow(ratio, i);
      assertTrue(Math.abs(lengths[i] - expected) <= 0.5, "rounded geometric term " + i);
    }
  }

  @Test
  void classicEightTableSeriesMatchesThePaper() {
    // TAGE 2006: 8 tables... a series of 4 lengths between 5 and 40 doubles each time
    assertArrayEquals(new int[] {5, 10, 20, 40}, GeometricHistoryLengths.of(4, 5, 40));
  }

  @Test
  void pairsOfTablesShareOneLength() {
    int[] lengths = TageConfig.BUDGET_64KB.historyLengths();
    for (int i = 1; i < lengths.length; i += 2) {
      assertEquals(lengths[i], lengths[i + 1], "pair " + i);
    }
    assertEquals(6, lengths[1]);
    assertEquals(3000, lengths[36]);
    assertEquals(4, TageConfig.BUDGET_8KB.historyLengths()[1]);
    assertEquals(1000, TageConfig.BUDGET_8KB.historyLengths()[30]);
  }
}
