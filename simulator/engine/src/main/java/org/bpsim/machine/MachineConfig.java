package org.bpsim.machine;

import org.bpsim.cache.CacheConfig;
import org.bpsim.cache.HierarchyConfig;

/**
 * Everything a timing simulation needs about a machine. The last data level is the last-level
 * cache (LLC), which multi-core runs share or split per core; the instruction cache sits beside
 * the first data level and is backed by the second. {@code tlb} is null on a machine without
 * address translation (every preset but {@code champsim}).
 */
public record MachineConfig(String name, String description, CoreConfig core,
    CacheConfig instructionCache, HierarchyConfig dataCaches, MemoryConfig memory,
    TlbConfig tlb) {

  /** A machine without address translation: its caches see the trace's virtual addresses. */
  public MachineConfig(String name, String description, CoreConfig core,
      CacheConfig instructionCache, HierarchyConfig dataCaches, MemoryConfig memory) {
    this(name, description, core, instructionCache, dataCaches, memory, null);
  }

  public MachineConfig {
    if (dataCaches.levels().size() < 2) {
      throw new IllegalArgumentException("a machine needs at least two data levels "
          + "(L1D and a last-level cache)");
    }
    CacheConfig second = dataCaches.levels().get(1);
    if (instructionCache.lineBytes() > second.lineBytes()) {
      throw new IllegalArgumentException("the instruction cache's lines ("
          + instructionCache.lineBytes() + " bytes) may not be larger than those of "
          + second.name() + " below it (" + second.lineBytes() + ")");
    }
  }

  public CacheConfig lastLevel() {
    return dataCaches.levels().get(dataCaches.levels().size() - 1);
  }
}
