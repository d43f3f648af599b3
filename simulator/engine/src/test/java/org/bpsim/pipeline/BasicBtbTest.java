package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bpsim.predictor.spi.BranchKind;
import org.junit.jupiter.api.Test;

/** ChampSim's basic_btb as {@link BasicBtb} restates it, on hand-made cases. */
final class BasicBtbTest {
  private static void assertPrediction(BasicBtb btb, long ip, long target, boolean alwaysTaken) {
    btb.predict(ip);
    assertEquals(target, btb.predictedTarget(), "target of 0x" + Long.toHexString(ip));
    assertEquals(alwaysTaken, btb.alwaysTaken(), "always_taken of 0x" + Long.toHexString(ip));
  }

  @Test
  void aMissPredictsNoTargetAndNotAlwaysTaken() {
    assertPrediction(new BasicBtb(), 0x401000, 0, false);
  }

  @Test
  void directBranchesAreAlwaysTakenAndConditionalsAreNot() {
    BasicBtb btb = new BasicBtb();
    btb.update(0x401000, 0x402000, true, BranchKind.DIRECT_JUMP);
    btb.update(0x401010, 0x403000, true, BranchKind.CONDITIONAL);
    btb.update(0x401020, 0x404000, true, BranchKind.DIRECT_CALL);
    btb.update(0x401030, 0x405000, true, BranchKind.OTHER);
    assertPrediction(btb, 0x401000, 0x402000, true);
    assertPrediction(btb, 0x401010, 0x403000, false);
    assertPrediction(btb, 0x401020, 0x404000, true);
    assertPrediction(btb, 0x401030, 0x405000, true);
  }

  @Test
  void aNotTakenConditionalStoresNothingButKeepsItsEntry() {
    BasicBtb btb = new BasicBtb();
    btb.update(0x401000, 0, false, BranchKind.CONDITIONAL);
    assertPrediction(btb, 0x401000, 0, false);
    btb.update(0x401000, 0x402000, true, BranchKind.CONDITIONAL);
    btb.update(0x401000, 0, false, BranchKind.CONDITIONAL);
    assertPrediction(btb, 0x401000, 0x402000, false);
  }

  @Test
  void ipsThatDifferOnlyInTheirLowTwoBitsShareAnEntry() {
    BasicBtb btb = new BasicBtb();
    btb.update(0x401001, 0x402000, true, BranchKind.DIRECT_JUMP);
    assertPrediction(btb, 0x401003, 0x402000, true);
    assertPrediction(btb, 0x401004, 0, false);
  }

  @Test
  void aSetKeepsItsEightMostRecentlyUsedAndLookupsOfAnyInstructionRefreshAge() {
    BasicBtb btb = new BasicBtb();
    long stride = 4L * BasicBtb.SETS; // same set, different tags
    for (int i = 0; i < BasicBtb.WAYS; i++) {
      btb.update(0x400000 + i * stride, 0x500000 + i, true, BranchKind.DIRECT_JUMP);
    }
    // A lookup (any instruction's, at fetch) makes the oldest the most recent.
    btb.predict(0x400000);
    btb.update(0x400000 + BasicBtb.WAYS * stride, 0x600000, true, BranchKind.DIRECT_JUMP);
    assertPrediction(btb, 0x400000, 0x500000, true);
    assertPrediction(btb, 0x400000 + stride, 0, false);
    assertPrediction(btb, 0x400000 + BasicBtb.WAYS * stride, 0x600000, true);
  }

  @Test
  void indirectTargetsAreIndexedByTheConditionalHistory() {
    BasicBtb btb = new BasicBtb();
    btb.update(0x401000, 0x402000, true, BranchKind.INDIRECT_JUMP);
    assertPrediction(btb, 0x401000, 0x402000, true);
    btb.update(0x401100, 0x401200, true, BranchKind.CONDITIONAL);
    assertPrediction(btb, 0x401000, 0, true);
    btb.update(0x401000, 0x403000, true, BranchKind.INDIRECT_JUMP);
    assertPrediction(btb, 0x401000, 0x403000, true);
  }

  @Test
  void returnsGoToTheCallPlusItsLearnedLength() {
    BasicBtb btb = new BasicBtb();
    btb.update(0x401000, 0x500000, true, BranchKind.DIRECT_CALL);
    btb.update(0x500010, 0x401005, true, BranchKind.RETURN);
    btb.update(0x401000, 0x500000, true, BranchKind.DIRECT_CALL);
    assertPrediction(btb, 0x500010, 0x401005, true);
    btb.update(0x500010, 0x401005, true, BranchKind.RETURN);
    // Empty stack: no target, still always taken.
    assertPrediction(btb, 0x500010, 0, true);
  }

  @Test
  void theReturnStackHolds64Calls() {
    BasicBtb btb = new BasicBtb();
    btb.update(0x500010, 0x401004, true, BranchKind.RETURN);
    for (int i = 0; i < BasicBtb.RAS_ENTRIES + 1; i++) {
      btb.update(0x401000 + 0x10 * i, 0x500000, true, BranchKind.DIRECT_CALL);
    }
    for (int i = BasicBtb.RAS_ENTRIES; i >= 1; i--) {
      btb.predict(0x500010);
      assertEquals(0x401000 + 0x10 * i + 4, btb.predictedTarget());
      btb.update(0x500010, 0x401000 + 0x10 * i + 4, true, BranchKind.RETURN);
    }
    btb.predict(0x500010);
    assertTrue(btb.alwaysTaken());
    assertEquals(0, btb.predictedTarget(), "the oldest call was dropped");
  }
}
