package org.bpsim.examples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bpsim.predictor.spi.BranchKind;
import org.junit.jupiter.api.Test;

final class LocalHistoryPredictorTest {

  /** Runs a loop branch taken n-1 times then not taken, many times; returns late mispredictions. */
  private static int mispredictionsOnLoop(LocalHistoryPredictor predictor, int tripCount) {
    int missed = 0;
    for (int iteration = 0; iteration < 200; iteration++) {
      for (int i = 0; i < tripCount; i++) {
        boolean taken = i < tripCount - 1;
        boolean predicted = predictor.predict(0x400);
        if (iteration >= 100 && predicted != taken) {
          missed++;
        }
        predictor.update(0x400, 0x3f0, BranchKind.CONDITIONAL, taken);
      }
    }
    return missed;
  }

  @Test
  void learnsALoopWhoseTripCountFitsInTheHistory() {
    assertEquals(0, mispredictionsOnLoop(new LocalHistoryPredictor(10, 8, false), 7));
  }

  @Test
  void missesTheLoopExitWhenTheHistoryIsTooShort() {
    assertTrue(mispredictionsOnLoop(new LocalHistoryPredictor(10, 2, false), 7) >= 100);
  }

  @Test
  void perAddressPatternTablesKeepOppositeBranchesApart() {
    // Branch 1 is always taken; branch 2 alternates, so after history "1" it is not taken.
    // With one shared pattern table they fight over the counter for history "1".
    LocalHistoryPredictor pag = new LocalHistoryPredictor(4, 1, false);
    LocalHistoryPredictor pap = new LocalHistoryPredictor(4, 1, true);
    int pagMissed = 0;
    int papMissed = 0;
    for (int i = 0; i < 1000; i++) {
      boolean b = i % 2 == 0;
      for (LocalHistoryPredictor p : new LocalHistoryPredictor[] {pag, pap}) {
        boolean missA = p.predict(0x1) != true;
        p.update(0x1, 0, BranchKind.CONDITIONAL, true);
        boolean missB = p.predict(0x2) != b;
        p.update(0x2, 0, BranchKind.CONDITIONAL, b);
        int missed = (missA ? 1 : 0) + (missB ? 1 : 0);
        if (p == pag) {
          pagMissed += missed;
        } else {
          papMissed += missed;
        }
      }
    }
    assertTrue(papMissed < 10, "PAp missed " + papMissed);
    assertTrue(pagMissed > 400, "PAg missed " + pagMissed);
  }

  @Test
  void storageIsHistoryTablePlusPatternTables() {
    assertEquals(1024 * 10 + 2 * 1024, new LocalHistoryPredictor(10, 10, false).storageBits());
    assertEquals(16 * 4 + 2 * 16 * 16, new LocalHistoryPredictor(4, 4, true).storageBits());
  }

  @Test
  void ignoresUnconditionalBranches() {
    LocalHistoryPredictor predictor = new LocalHistoryPredictor(4, 4, false);
    boolean before = predictor.predict(0x5);
    for (int i = 0; i < 10; i++) {
      predictor.update(0x5, 0x100, BranchKind.DIRECT_JUMP, true);
      predictor.update(0x5, 0x100, BranchKind.RETURN, true);
    }
    assertEquals(before, predictor.predict(0x5));
  }
}
