package org.bpsim.predictor.tage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class TageConfigTest {

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
