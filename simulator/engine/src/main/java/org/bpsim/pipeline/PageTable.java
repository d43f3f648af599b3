package org.bpsim.pipeline;

import org.bpsim.machine.TlbConfig;

/**
 * One core's virtual memory as ChampSim's {@code VirtualMemory} (src/vmem.cc) lays it out:
 * physical pages handed out in the order of a random permutation on first touch, and page-table
 * entries placed where ChampSim places them, so that a walk reads the same lines of the same
 * kind of pages. Restated from ChampSim's behaviour:
 *
 * <ul>
 *   <li>Level {@code L} (1 = the last, whose entries name data pages) is indexed by the 9
 *       address bits from {@code 12 + 9 (L - 1)}. Each distinct (level, address bits above that
 *       level's index) gets a slot of its own when first asked for, and a minor fault.
 *   <li>Every request for an entry takes a fresh physical page from the list, and a new slot is
 *       placed at the start of the page taken for it: ChampSim's counter of slots within a
 *       table page has no bits (its extent runs from bit 12 to bit 12, the table page's size
 *       being 4 KB), so it is at 0 on every request and the page is always replaced. The entry
 *       read is the slot's page plus 8 bytes times the level's index.
 *   <li>The physical pages come from one list for data and page-table pages alike, skipping
 *       the first MB. ChampSim shuffles that list with {@code std::mt19937_64}; bpsim takes the
 *       pages in the order of its own seeded permutation instead (a different random placement
 *       of the same kind). Each core has its own permutation and its own high address bits, so
 *       that cores never share a page (ChampSim keys its maps by cpu).
 * </ul>
 */
final class PageTable {
  static final int PAGE_SHIFT = 12;
  private static final int INDEX_BITS = 9;
  private static final int ENTRY_BYTES = 8;
  /** Physical pages of ChampSim's default DRAM (16 GB in 4 KB pages). */
  private static final int PAGE_NUMBER_BITS = 22;
  private static final long PAGE_MASK = (1L << PAGE_NUMBER_BITS) - 1;
  /** ChampSim keeps the first MB of physical memory out of its page list. */
  private static final long FIRST_PAGE = (1L << 20) >>> PAGE_SHIFT;

  private final int levels;
  private final long placementSeed;
  private final long coreBits;
  private final LongLongMap pages = new LongLongMap();
  private final LongLongMap slots = new LongLongMap();
  private long pagesTaken;
  /** The address of the top-level table's first entry (ChampSim's CR3). */
  private final long root;
  /** Whether the last {@link #page} or {@link #entryAddress} call created a mapping. */
  private boolean faulted;

  PageTable(TlbConfig config, int core) {
    this.levels = config.pageWalkLevels();
    this.placementSeed = config.seed() * 0x9E3779B97F4A7C15L + core;
    this.coreBits = (long) core << PAGE_NUMBER_BITS;
    this.root = entryAddress(0, levels);
    this.faulted = false;
  }

  int levels() {
    return levels;
  }

  long root() {
    return root;
  }

  boolean faulted() {
    return faulted;
  }

  /** The lowest address bit of level {@code level}'s index. */
  static int shift(int level) {
    return PAGE_SHIFT + INDEX_BITS * (level - 1);
  }

  /** The index of {@code virtualPage}'s entry in its level-{@code level} table. */
  static long index(long virtualPage, int level) {
    return ((virtualPage << PAGE_SHIFT) >>> shift(level)) & ((1 << INDEX_BITS) - 1);
  }

  /** The physical page of {@code virtualPage}, mapped now if it is not yet (a minor fault). */
  long page(long virtualPage) {
    long physical = pages.get(virtualPage);
    faulted = physical < 0;
    if (faulted) {
      physical = takePage();
      pages.put(virtualPage, physical);
    }
    return physical;
  }

  /**
   * The physical address of the level-{@code level} entry that a walk for {@code virtualPage}
   * reads next (ChampSim's {@code get_pte_pa}); creates its slot if it is new (a minor fault).
   */
  long entryAddress(long virtualPage, int level) {
    long fresh = takePage();
    long key = (((virtualPage << PAGE_SHIFT) >>> shift(level)) << 3) | level;
    long slotPage = slots.get(key);
    faulted = slotPage < 0;
    if (faulted) {
      slotPage = fresh;
      slots.put(key, slotPage);
    }
    return (slotPage << PAGE_SHIFT) | (index(virtualPage, level) * ENTRY_BYTES);
  }

  /** The next page of this core's permutation of physical memory above the first MB. */
  private long takePage() {
    long usable = (1L << PAGE_NUMBER_BITS) - FIRST_PAGE;
    long page = permute(FIRST_PAGE + pagesTaken++ % usable);
    // Walking the permutation's cycle from a page above the first MB stays above it.
    while (page < FIRST_PAGE) {
      page = permute(page);
    }
    return coreBits | page;
  }

  /** A seeded bijection on 22-bit page numbers: odd multiplications and xor-shifts. */
  private long permute(long x) {
    x = (x + placementSeed) & PAGE_MASK;
    x = (x * 0x5DEECE66DL + 0xBL) & PAGE_MASK;
    x ^= x >>> 11;
    x = (x * 0x2545F4914F6CDD1DL) & PAGE_MASK;
    x ^= x >>> 7;
    x = (x * 0x9E3779B97F4A7C15L + (placementSeed >>> 20)) & PAGE_MASK;
    x ^= x >>> 12;
    return x;
  }
}
