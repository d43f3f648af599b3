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

  @Test
  void returnStackLearnsEachCallSitesLengthAsChampSimDoes() {
    ReturnAddressStack ras = new ReturnAddressStack(4);
    ras.pushCall(0x1000);
    assertEquals(0x1004, ras.pop(), "a call's length is 4 until learnt");
    ras.learn(0x1005);
    ras.pushCall(0x1000);
    assertEquals(0x1005, ras.pop(), "learnt: 5 bytes at this call site");
    ras.learn(0x1005);
    ras.pushCall(0x2008);
    assertEquals(0x200c, ras.pop(), "another call site keeps its own length");
    ras.learn(0x9000);
    ras.pushCall(0x2008);
    assertEquals(0x200c, ras.pop(), "a distance over 10 bytes is not a call's length");
    ras.push(0x3018);
    assertEquals(0x3018, ras.pop(), "a known return address is returned as pushed");
    ras.learn(0x3010);
    ras.pushCall(0x3010);
    assertEquals(0x3014, ras.pop(), "and teaches nothing");
  }
}
