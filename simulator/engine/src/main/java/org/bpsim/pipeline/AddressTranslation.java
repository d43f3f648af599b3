package org.bpsim.pipeline;

import org.bpsim.machine.TlbConfig;

/**
 * One core's address translation as ChampSim's default machine does it (src/ptw.cc, src/vmem.cc,
 * src/cache.cc at 2ff25011): an instruction or data address is looked up in the ITLB or DTLB,
 * on a miss in the STLB, on a miss there walked by the page walker, whose page-structure caches
 * skip the upper levels they hold and whose page-table reads go through the data caches (the
 * L1D is the walker's lower level) with their misses and their latencies; an entry or a page
 * mapped for the first time costs a minor fault. Each translation is placed in time at once, in
 * trace order, like everything in bpsim's model: a TLB entry whose fill is still under way makes
 * a later hit wait for it (ChampSim merges it into the miss in flight).
 *
 * <p>The caller asks {@link #instruction} or {@link #data} for the physical address and then
 * {@link #cycles} for when it is known, counted from the request and including the response's
 * way back to the cache. ChampSim looks the TLB up beside the cache's tag check; a translation
 * that is not there when the tag check would finish makes the check start again once it is
 * (its {@code translation_stash}), which the caller applies.
 */
final class AddressTranslation {
  /** Indexes of the statistics array. */
  static final int ITLB_ACCESSES = 0;
  static final int ITLB_MISSES = 1;
  static final int DTLB_ACCESSES = 2;
  static final int DTLB_MISSES = 3;
  static final int STLB_ACCESSES = 4;
  static final int STLB_MISSES = 5;
  static final int WALK_READS = 6;
  static final int WALK_CYCLES = 7;
  static final int MINOR_FAULTS = 8;
  static final int STATISTICS = 9;
  /** The statistics' names, in index order (the keys of {@link CoreResult#translation}). */
  static final java.util.List<String> KEYS = java.util.List.of("itlb_accesses", "itlb_misses",
      "dtlb_accesses", "dtlb_misses", "stlb_accesses", "stlb_misses", "walk_reads",
      "walk_cycles", "minor_faults");

  /** How a page-table read reaches the data caches. */
  interface WalkReads {
    /** Reads the line of {@code physicalAddress} at cycle {@code at}: the cycles it takes. */
    long read(long physicalAddress, long at);
  }

  private static final long OFFSET_MASK = TlbConfig.PAGE_BYTES - 1;

  private final TranslationCache itlb;
  private final TranslationCache dtlb;
  private final TranslationCache stlb;
  /** The page-structure cache of each level (index = level), null where there is none. */
  private final TranslationCache[] pageStructureCaches;
  private final PageTable table;
  private final int itlbLatency;
  private final int dtlbLatency;
  private final int stlbLatency;
  private final int transfer;
  private final int faultPenalty;
  private final WalkReads reads;
  private final long[] statistics;
  private long cycles;

  AddressTranslation(TlbConfig config, int core, WalkReads reads, long[] statistics) {
    this.itlb = new TranslationCache(config.itlb().sets(), config.itlb().ways());
    this.dtlb = new TranslationCache(config.dtlb().sets(), config.dtlb().ways());
    this.stlb = new TranslationCache(config.stlb().sets(), config.stlb().ways());
    this.pageStructureCaches = new TranslationCache[config.pageWalkLevels() + 1];
    for (TlbConfig.PageStructureCache psc : config.pageStructureCaches()) {
      pageStructureCaches[psc.level()] = new TranslationCache(psc.sets(), psc.ways());
    }
    this.table = new PageTable(config, core);
    this.itlbLatency = config.itlb().latency();
    this.dtlbLatency = config.dtlb().latency();
    this.stlbLatency = config.stlb().latency();
    this.transfer = config.transferCycles();
    this.faultPenalty = config.minorFaultPenalty();
    this.reads = reads;
    this.statistics = statistics;
  }

  /** The physical address of the instruction at {@code address}, asked at cycle {@code at}. */
  long instruction(long address, long at) {
    statistics[ITLB_ACCESSES]++;
    return translate(itlb, itlbLatency, ITLB_MISSES, address, at);
  }

  /** The physical address of a load's or store's {@code address}, asked at cycle {@code at}. */
  long data(long address, long at) {
    statistics[DTLB_ACCESSES]++;
    return translate(dtlb, dtlbLatency, DTLB_MISSES, address, at);
  }

  /** Cycles from the last request until its translation is back at the cache. */
  long cycles() {
    return cycles;
  }

  private long translate(TranslationCache first, int firstLatency, int missCounter,
      long address, long at) {
    long page = address >>> PageTable.PAGE_SHIFT;
    long physical;
    long ready;
    if (first.lookup(page)) {
      physical = first.value();
      ready = Math.max(at + firstLatency, first.readyCycle());
    } else {
      statistics[missCounter]++;
      statistics[STLB_ACCESSES]++;
      long t = at + firstLatency + transfer;
      if (stlb.lookup(page)) {
        physical = stlb.value();
        t = Math.max(t + stlbLatency, stlb.readyCycle());
      } else {
        statistics[STLB_MISSES]++;
        t += stlbLatency + transfer;
        physical = walk(page, t);
        t = walkEnd + transfer;
        stlb.fill(page, physical, t);
      }
      ready = t + transfer;
      first.fill(page, physical, ready);
    }
    cycles = ready + transfer - at;
    return (physical << PageTable.PAGE_SHIFT) | (address & OFFSET_MASK);
  }

  private long walkEnd;

  /**
   * ChampSim's walk from cycle {@code start}: every page-structure cache is searched, the
   * deepest hit giving the table to start from (else the top-level table); then one read per
   * level down to the data page's own entry, each level's entry named by the one above.
   * Sets {@link #walkEnd}; returns the physical page.
   */
  private long walk(long page, long start) {
    int levels = table.levels();
    int level = levels - 1;
    long tablePage = table.root() >>> PageTable.PAGE_SHIFT;
    for (int covered = levels; covered >= 2; covered--) {
      TranslationCache psc = pageStructureCaches[covered];
      if (psc != null && psc.lookup(pscKey(page, covered))) {
        level = covered - 1;
        tablePage = psc.value() >>> PageTable.PAGE_SHIFT;
      }
    }
    long entry = (tablePage << PageTable.PAGE_SHIFT) | (PageTable.index(page, level) * 8);
    long t = start;
    while (true) {
      statistics[WALK_READS]++;
      t += transfer;
      t += reads.read(entry, t);
      t += transfer;
      if (level == 0) {
        long physical = table.page(page);
        t = fault(t);
        walkEnd = t;
        statistics[WALK_CYCLES] += t - start;
        return physical;
      }
      long next = table.entryAddress(page, level);
      t = fault(t);
      TranslationCache psc = pageStructureCaches[level + 1];
      if (psc != null) {
        psc.fill(pscKey(page, level + 1), next, t);
      }
      entry = next;
      level--;
    }
  }

  private long fault(long t) {
    if (table.faulted()) {
      statistics[MINOR_FAULTS]++;
      return t + faultPenalty;
    }
    return t;
  }

  /** A level-{@code level} page-structure cache holds the address bits above that level's index. */
  private static long pscKey(long page, int level) {
    return (page << PageTable.PAGE_SHIFT) >>> PageTable.shift(level);
  }
}
