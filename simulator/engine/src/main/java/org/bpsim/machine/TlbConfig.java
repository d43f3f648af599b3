package org.bpsim.machine;

import java.util.List;

/**
 * Address translation as ChampSim models it (its {@code champsim_config.json}: ITLB, DTLB,
 * STLB, PTW and {@code virtual_memory}): a machine with it addresses its caches with physical
 * addresses, gives each 4 KB page a physical page of its own on first touch (a seeded random
 * placement), and pays for TLB misses, page walks and minor faults.
 *
 * @param itlb the instruction TLB, looked up for every instruction-cache access
 * @param dtlb the data TLB, looked up for every load and store
 * @param stlb the second-level TLB behind both
 * @param pageWalkLevels levels of the page table (ChampSim's {@code num_levels}, 5)
 * @param pageStructureCaches the walker's caches of upper-level entries, by the level they cover
 * @param minorFaultPenalty cycles added to a walk step that finds a page-table entry or a page
 *     that is not mapped yet (ChampSim's {@code minor_fault_penalty})
 * @param transferCycles cycles a request or a response takes from one of ChampSim's components to
 *     the next (a TLB to the one below, the walker to the L1D and back)
 * @param seed the seed of the physical page placement
 */
public record TlbConfig(Level itlb, Level dtlb, Level stlb, int pageWalkLevels,
    List<PageStructureCache> pageStructureCaches, int minorFaultPenalty, int transferCycles,
    long seed) {

  /** Bytes of a page and of a page-table page (ChampSim's page_size and pte_page_size). */
  public static final int PAGE_BYTES = 4096;
  /** Page-table levels the 64-bit address leaves room for: 12 + 9 bits a level. */
  public static final int MAX_LEVELS = 5;

  /** A TLB: sets × ways entries of one page each, LRU, searched in {@code latency} cycles. */
  public record Level(String name, int sets, int ways, int latency) {
    public Level {
      if (sets < 1 || Integer.bitCount(sets) != 1) {
        throw new IllegalArgumentException(name + ".sets must be a power of two, not " + sets);
      }
      if (ways < 1) {
        throw new IllegalArgumentException(name + ".ways must be >= 1, not " + ways);
      }
      if (latency < 0) {
        throw new IllegalArgumentException(name + ".latency must be >= 0, not " + latency);
      }
    }
  }

  /** ChampSim's PSCL{@code level}: sets × ways LRU entries, each for one entry of that level. */
  public record PageStructureCache(int level, int sets, int ways) {
    public PageStructureCache {
      if (sets < 1 || Integer.bitCount(sets) != 1) {
        throw new IllegalArgumentException("page_structure_caches: level " + level
            + ": sets must be a power of two, not " + sets);
      }
      if (ways < 1) {
        throw new IllegalArgumentException("page_structure_caches: level " + level
            + ": ways must be >= 1, not " + ways);
      }
    }
  }

  public TlbConfig {
    pageStructureCaches = List.copyOf(pageStructureCaches);
    if (pageWalkLevels < 1 || pageWalkLevels > MAX_LEVELS) {
      throw new IllegalArgumentException("tlb.page_walk_levels must be 1 to " + MAX_LEVELS
          + ", not " + pageWalkLevels);
    }
    boolean[] seen = new boolean[MAX_LEVELS + 1];
    for (PageStructureCache cache : pageStructureCaches) {
      if (cache.level() < 2 || cache.level() > pageWalkLevels) {
        throw new IllegalArgumentException("tlb.page_structure_caches: level " + cache.level()
            + " must be 2 to page_walk_levels (" + pageWalkLevels + ")");
      }
      if (seen[cache.level()]) {
        throw new IllegalArgumentException("tlb.page_structure_caches: level " + cache.level()
            + " is given twice");
      }
      seen[cache.level()] = true;
    }
    if (minorFaultPenalty < 0) {
      throw new IllegalArgumentException("tlb.minor_fault_penalty must be >= 0, not "
          + minorFaultPenalty);
    }
    if (transferCycles < 0) {
      throw new IllegalArgumentException("tlb.transfer_cycles must be >= 0, not "
          + transferCycles);
    }
  }
}
