package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CBP-2025 kit's cache, lane table, store queue and stride prefetcher, each against its
 * definition in the kit's lib/ (cache.cc, resource_schedule.cc, uarchsim.cc, stride_prefetcher.h).
 */
final class KitMechanismsTest {
  /** L1 (3) over L2 (12) over L3 (50) over memory (150), the kit's defaults, scaled down. */
  private static KitCache[] chain() {
    KitCache l3 = new KitCache("L3", 1 << 14, 4, 128, 50, null, 150);
    KitCache l2 = new KitCache("L2", 1 << 12, 4, 64, 12, l3, 150);
    KitCache l1 = new KitCache("L1", 1 << 10, 2, 64, 3, l2, 150);
    return new KitCache[] {l1, l2, l3};
  }

  @Test
  void aMissAddsEachLevelsSearchAndMemoryAndTheLineKeepsItsFillTime() {
    KitCache l1 = chain()[0];
    assertEquals(100 + 3 + 12 + 50 + 150, l1.access(100, 0x4000, false));
    // A hit before the fill completes waits for it; after, it takes the search latency.
    assertFalse(l1.isHit(110, 0x4000));
    assertEquals(315, l1.access(110, 0x4008, false));
    assertTrue(l1.isHit(312, 0x4000));
    assertEquals(400 + 3, l1.access(400, 0x4000, false));
    assertEquals(3, l1.accesses());
    assertEquals(1, l1.misses());
  }

  @Test
  void aMissThatHitsBelowTakesTheLowerLevelsAnswer() {
    KitCache[] c = chain();
    c[0].access(0, 0x4000, false);
    // Same 128-byte L3 line, another L2/L1 line: L1 and L2 miss, L3 hits after 3 + 12 + 50.
    assertEquals(1000 + 3 + 12 + 50, c[0].access(1000, 0x4040, false));
    assertEquals(1, c[2].misses());
    assertEquals(2, c[1].misses());
    // While the first fill is under way, the L3 hit waits for it.
    assertEquals(215, c[0].access(0, 0x4000 + 0x8000, false) > 0
        ? chain()[0].access(0, 0x4000, false) : -1);
  }

  @Test
  void replacementIsLeastRecentlyUsedAndPrefetchesAreCountedApart() {
    KitCache l1 = new KitCache("L1", 2 * 64, 2, 64, 3, null, 100);
    // One set of two ways: A, B, touch A, C evicts B.
    l1.access(0, 0x0000, false);
    l1.access(0, 0x1000, true);
    l1.access(200, 0x0000, false);
    l1.access(200, 0x2000, false);
    assertTrue(l1.isHit(1000, 0x0000));
    assertFalse(l1.isHit(1000, 0x1000));
    assertTrue(l1.isHit(1000, 0x2000));
    assertEquals(3, l1.accesses());
    assertEquals(2, l1.misses());
    assertEquals(1, l1.prefetchAccesses());
    assertEquals(1, l1.prefetchMisses());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void laneTableMatchesADirectModelOfTheKitsTable(long seed) {
    // The kit's table: counts at cycle & (depth - 1), depth grown in steps of 256.
    Random random = new Random(seed);
    int lanes = 1 + random.nextInt(4);
    KitLaneSchedule lanesUnderTest = new KitLaneSchedule(lanes);
    int[] table = new int[256];
    long base = 0;
    for (int step = 0; step < 20_000; step++) {
      long ready = base + random.nextInt(step % 97 == 0 ? 2000 : 40);
      long expected = ready;
      while (true) {
        if (expected - base + 1 > table.length) {
          long depth = (expected - base + 1 + 255) / 256 * 256;
          table = java.util.Arrays.copyOf(table, (int) depth);
        }
        int slot = (int) (expected & (table.length - 1));
        if (table[slot] < lanes) {
          table[slot]++;
          break;
        }
        expected++;
      }
      assertEquals(expected, lanesUnderTest.schedule(ready), "seed " + seed + " step " + step);
      if (random.nextInt(8) == 0) {
        long next = base + random.nextInt(30);
        for (long c = base; c < next; c++) {
          table[(int) (c & (table.length - 1))] = 0;
        }
        base = next;
        lanesUnderTest.advanceTo(next);
      }
    }
  }

  @Test
  void bookAtTakesOnlyAFreeLaneInThatCycle() {
    KitLaneSchedule lanes = new KitLaneSchedule(2);
    assertEquals(5, lanes.schedule(5));
    assertTrue(lanes.bookAt(5));
    assertFalse(lanes.bookAt(5));
    assertEquals(6, lanes.schedule(5));
  }

  @Test
  void storeQueueForwardsPerByteUntilTheStoreLeaves() {
    KitStoreQueue sq = new KitStoreQueue();
    sq.record(0x100, 4, 50, 80, 0);
    // All four bytes from the store: the later of search and store execute.
    assertEquals(50, sq.loadReady(0x100, 4, 40, 300));
    assertEquals(60, sq.loadReady(0x100, 4, 60, 300));
    // Bytes past the store come from the cache: the load waits for its last byte.
    assertEquals(300, sq.loadReady(0x102, 4, 40, 300));
    // Once the store has left, the cache supplies everything.
    assertEquals(90, sq.loadReady(0x100, 4, 80, 90));
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8})
  void storeQueueForgetsOnlyWhatNoLaterLoadCouldUse(long seed) {
    // Against a map that keeps every byte, as the kit does, with loads searching after now.
    Random random = new Random(seed);
    KitStoreQueue sq = new KitStoreQueue();
    java.util.Map<Long, long[]> all = new java.util.HashMap<>();
    long now = 0;
    for (int step = 0; step < 50_000; step++) {
      now += random.nextInt(3);
      long address = random.nextInt(1 << 16);
      int size = 1 << random.nextInt(4);
      if (random.nextBoolean()) {
        long executed = now + 10 + random.nextInt(50);
        long leaves = executed + random.nextInt(300);
        sq.record(address, size, executed, leaves, now);
        for (int i = 0; i < size; i++) {
          all.put(address + i, new long[] {executed, leaves});
        }
      } else {
        long searched = now + 12 + random.nextInt(40);
        long cache = searched + random.nextInt(200);
        long expected = 0;
        for (int i = 0; i < size; i++) {
          long[] e = all.get(address + i);
          expected = Math.max(expected, e != null && searched < e[1]
              ? Math.max(searched, e[0]) : cache);
        }
        assertEquals(expected, sq.loadReady(address, size, searched, cache),
            "seed " + seed + " step " + step);
      }
    }
  }

  @Test
  void prefetcherGeneratesTwoStridesAheadOnceAStrideRepeats() {
    KitStridePrefetcher p = new KitStridePrefetcher();
    long pc4 = 0x1000;
    p.lookahead(pc4, 1);
    p.train(pc4, 0x10000); // new entry: initial, stride 0
    p.lookahead(pc4, 2);
    p.train(pc4, 0x10040); // initial -> transient, stride 64
    p.lookahead(pc4, 3);
    p.train(pc4, 0x10080); // transient -> steady
    assertEquals(Long.MAX_VALUE, p.oldestCycle(), "no prefetch before the entry is steady");
    p.lookahead(pc4, 4);   // steady: current + 2 * stride
    assertEquals(4, p.oldestCycle());
    assertTrue(p.take(4));
    assertEquals(0x10080 + 128, p.takenAddress());
    assertEquals(4, p.takenCycle());
    assertFalse(p.take(4));
  }

  @Test
  void prefetchQueueFiltersSameLineDropsOldOnesAndKeepsCycleOrder() {
    KitStridePrefetcher p = new KitStridePrefetcher();
    for (long pc4 : new long[] {1, 2}) {
      long base = pc4 * 0x100000;
      p.train(pc4, base);
      p.train(pc4, base + 8);
      p.train(pc4, base + 16);
    }
    p.lookahead(2, 10);
    p.lookahead(1, 10);
    p.lookahead(1, 11); // same line as the queued prefetch of pc 1: filtered
    assertEquals(1, p.duplicates());
    // Same cycle: ordered by address, pc 1's first.
    assertTrue(p.take(10));
    assertEquals(0x100000 + 16 + 16, p.takenAddress());
    p.putBack();
    assertTrue(p.take(10));
    assertEquals(0x100000 + 32, p.takenAddress());
    // pc 2's prefetch (cycle 10) is more than 8 cycles old at 19: dropped.
    assertFalse(p.take(19));
    assertEquals(1, p.dropped());
  }

  @Test
  void prefetcherReplacesTheLeastRecentlyUsedLoad() {
    KitStridePrefetcher p = new KitStridePrefetcher();
    // Fill the table; the first load's entry is then the oldest and the next new load takes it.
    for (int i = 0; i < KitStridePrefetcher.ENTRIES; i++) {
      p.train(i, 0x1000L * i);
    }
    p.train(5000, 0);     // evicts load 0
    p.train(6000, 0);     // evicts load 1
    p.train(2, 0x2000 + 64);  // load 2 kept its entry: initial -> transient
    p.train(2, 0x2000 + 128); // -> steady
    p.lookahead(2, 2);
    assertEquals(2, p.oldestCycle());
    p.train(1, 0x1000 + 64);  // load 1 starts again from initial
    p.train(1, 0x1000 + 128); // -> transient only
    p.lookahead(1, 3);
    assertTrue(p.take(3));
    assertEquals(0x2000 + 256, p.takenAddress());
    assertFalse(p.take(3), "load 1 lost its entry and generates nothing yet");
  }
}
