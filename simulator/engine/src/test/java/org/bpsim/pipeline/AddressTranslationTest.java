package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.machine.Machines;
import org.bpsim.machine.TlbConfig;
import org.junit.jupiter.api.Test;

/**
 * ChampSim's translation on constructed access patterns, with the champsim preset's TLBs and
 * walker and a data cache that answers every page-table read in 10 cycles: the TLB misses, the
 * walks' reads, their faults and the cycles, counted by hand below.
 */
final class AddressTranslationTest {
  private static final long READ = 10;
  /** The first page of a 2 MB region: its neighbours share its upper-level entries. */
  private static final long PAGE = 0x7f12_3400_0L;

  private final List<Long> reads = new ArrayList<>();
  private final long[] statistics = new long[AddressTranslation.STATISTICS];

  private AddressTranslation translation(int core) throws IOException {
    TlbConfig config = Machines.preset("champsim").tlb();
    return new AddressTranslation(config, core, (address, at) -> {
      reads.add(address);
      return READ;
    }, statistics);
  }

  private long count(int index) {
    return statistics[index];
  }

  @Test
  void aFirstTouchWalksAllFiveLevelsAndFaultsFiveTimes() throws IOException {
    AddressTranslation t = translation(0);
    long physical = t.data((PAGE << 12) | 0x123, 0);
    // DTLB 1 + transfer 1, STLB 8 + transfer 1: the walk starts at 11. No page-structure
    // cache holds anything: five reads of 1 + 10 + 1 cycles, and four new table entries and a
    // new page at 200 each: the walk ends at 11 + 60 + 1000 = 1071; the STLB is filled at 1072,
    // the DTLB at 1073, the L1D has it at 1074.
    assertEquals(1074, t.cycles());
    assertEquals(0x123, physical & 0xfff);
    assertArrayEquals(new long[] {0, 0, 1, 1, 1, 1, 5, 1060, 5}, statistics);

    // The same page later: a DTLB hit, back at the L1D in 2 cycles.
    assertEquals(physical, t.data((PAGE << 12) | 0x123, 2000));
    assertEquals(2, t.cycles());
    assertEquals(1, count(AddressTranslation.DTLB_MISSES));
  }

  @Test
  void aNeighbourStartsFromThePageStructureCacheAndItsEntrySharesALine() throws IOException {
    AddressTranslation t = translation(0);
    t.data(PAGE << 12, 0);
    long lastEntry = reads.get(reads.size() - 1);
    reads.clear();
    long neighbour = t.data((PAGE + 1) << 12, 3000);
    // PSCL2 covers the 2 MB region: two reads (its level-1 entry, re-read, then the page's
    // own), a new level-1 entry and a new page: 3011 + 24 + 400 = 3435, then 3 cycles back.
    assertEquals(438, t.cycles());
    assertEquals(2, reads.size());
    assertEquals(7, count(AddressTranslation.WALK_READS));
    assertEquals(7, count(AddressTranslation.MINOR_FAULTS));
    // The first read is in the table page of the entry the cache holds, at the neighbour's
    // index; the second in the fresh page ChampSim takes for every new entry.
    assertEquals(lastEntry + 8, (long) reads.get(0));
    assertEquals(8, reads.get(1) & 0xfff);
    assertNotEquals(lastEntry >>> 12, reads.get(1) >>> 12);
    assertNotEquals(neighbour >>> 12, t.data(PAGE << 12, 4000) >>> 12);

    // Asked again before its walk has finished: the DTLB entry is there, its data is not.
    t.data((PAGE + 1) << 12, 3010);
    assertEquals(3437 + 1 - 3010, t.cycles());
    assertEquals(2, count(AddressTranslation.DTLB_MISSES));
  }

  @Test
  void aPageTheDtlbLostIsFoundInTheStlb() throws IOException {
    AddressTranslation t = translation(0);
    // Five pages of one DTLB set (16 sets, 4 ways): the fifth evicts the first (LRU).
    for (int i = 0; i < 5; i++) {
      t.data((PAGE + 16L * i) << 12, 10_000L * i);
    }
    assertEquals(5, count(AddressTranslation.STLB_MISSES));
    assertEquals(5 + 4 * 2, count(AddressTranslation.WALK_READS));
    t.data(PAGE << 12, 100_000);
    // DTLB 1 + transfer 1 + STLB 8, then back: 1 + 1.
    assertEquals(12, t.cycles());
    assertEquals(6, count(AddressTranslation.DTLB_MISSES));
    assertEquals(5, count(AddressTranslation.STLB_MISSES));
    // Refilling the first evicted the LRU one, the second; the third is still there.
    t.data((PAGE + 32) << 12, 100_100);
    assertEquals(2, t.cycles());
  }

  @Test
  void instructionsHaveTheirOwnTlbAndShareTheStlb() throws IOException {
    AddressTranslation t = translation(0);
    t.data(PAGE << 12, 0);
    t.instruction(PAGE << 12, 5000);
    // An ITLB miss, an STLB hit: ITLB 1 + 1 + STLB 8 + 1 + 1.
    assertEquals(12, t.cycles());
    assertEquals(1, count(AddressTranslation.ITLB_MISSES));
    assertEquals(1, count(AddressTranslation.STLB_MISSES));
  }

  @Test
  void thePlacementIsTheSameEveryRunAndCoresGetPagesOfTheirOwn() throws IOException {
    long[] first = new long[64];
    long[] again = new long[64];
    long[] other = new long[64];
    AddressTranslation a = translation(0);
    AddressTranslation b = translation(0);
    AddressTranslation c = translation(1);
    for (int i = 0; i < 64; i++) {
      long address = (PAGE + 37L * i) << 12;
      first[i] = a.data(address, i * 10_000L) >>> 12;
      again[i] = b.data(address, i * 10_000L) >>> 12;
      other[i] = c.data(address, i * 10_000L) >>> 12;
    }
    assertArrayEquals(first, again);
    for (int i = 0; i < 64; i++) {
      assertEquals(0, first[i] >>> 22, "core 0's pages");
      assertEquals(1, other[i] >>> 22, "core 1's pages");
      for (int j = 0; j < i; j++) {
        assertNotEquals(first[i], first[j], "two virtual pages, one physical page");
      }
    }
  }
}
