package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class BranchTargetBufferTest {
  @Test
  void remembersTargetsAndEvictsTheLeastRecentlyUsed() {
    BranchTargetBuffer btb = new BranchTargetBuffer(1, 2);
    assertEquals(-1, btb.lookup(0x100));
    btb.update(0x100, 0x200);
    btb.update(0x104, 0x300);
    assertEquals(0x200, btb.lookup(0x100));
    btb.update(0x108, 0x400);       // evicts 0x104, used longest ago
    assertEquals(-1, btb.lookup(0x104));
    assertEquals(0x200, btb.lookup(0x100));
    assertEquals(0x400, btb.lookup(0x108));
    btb.update(0x108, 0x500);
    assertEquals(0x500, btb.lookup(0x108));
  }

  @Test
  void returnStackPredictsNestedReturnsAndForgetsTheOldestOnOverflow() {
    ReturnAddressStack ras = new ReturnAddressStack(2);
    ras.push(0x10);
    ras.push(0x20);
    ras.push(0x30);
    assertEquals(0x30, ras.pop());
    assertEquals(0x20, ras.pop());
    assertEquals(-1, ras.pop());
  }
}
