package org.bpsim.pipeline;

/**
 * What one core has counted so far; copied at the end of the warmup so that the reported figures
 * are differences. Demand accesses per level count this core's instruction fetches, loads and
 * stores that reached the level (not writebacks), so they stay per core under a shared LLC.
 */
final class CoreCounters {
  long instructions;
  long conditionalBranches;
  long directionMispredictions;
  long targetMispredictions;
  /** The part of the target mispredictions that the return address stack made. */
  long returnMispredictions;
  /**
   * Mispredicted branches (direction or target, each once) by ChampSim's six types, indexed by
   * {@link org.bpsim.predictor.spi.BranchKind#ordinal()} (conditional .. return).
   */
  final long[] mispredictionsByType = new long[BranchTypes.COUNT];
  /** Fetch cycles with no miss to blame: new fetch groups, dependences, execution. */
  long baseCycles;
  long branchStall;
  long instructionCacheStall;
  /** Stall cycles by the level that supplied a load: index = level, last index = memory. */
  final long[] dataStall;
  /** Demand accesses and misses by data level (index = level). */
  final long[] dataAccesses;
  final long[] dataMisses;
  /** Dirty lines each data level sent down while serving this core's requests. */
  final long[] dataWritebacks;
  /** Prefetches that reached each data level and those that missed there (kit model). */
  final long[] dataPrefetches;
  final long[] dataPrefetchMisses;
  /** Instruction fetch accesses and misses by level of the instruction chain. */
  final long[] fetchAccesses;
  final long[] fetchMisses;
  long interCoreEvictions;
  /** Address translation's counts, indexed as {@link AddressTranslation}'s constants. */
  final long[] translation = new long[AddressTranslation.STATISTICS];

  CoreCounters(int dataLevels, int fetchLevels) {
    dataStall = new long[dataLevels + 1];
    dataAccesses = new long[dataLevels];
    dataMisses = new long[dataLevels];
    dataWritebacks = new long[dataLevels];
    dataPrefetches = new long[dataLevels];
    dataPrefetchMisses = new long[dataLevels];
    fetchAccesses = new long[fetchLevels];
    fetchMisses = new long[fetchLevels];
  }

  CoreCounters copy() {
    CoreCounters copy = new CoreCounters(dataAccesses.length, fetchAccesses.length);
    copy.instructions = instructions;
    copy.conditionalBranches = conditionalBranches;
    copy.directionMispredictions = directionMispredictions;
    copy.targetMispredictions = targetMispredictions;
    copy.returnMispredictions = returnMispredictions;
    System.arraycopy(mispredictionsByType, 0, copy.mispredictionsByType, 0,
        mispredictionsByType.length);
    copy.baseCycles = baseCycles;
    copy.branchStall = branchStall;
    copy.instructionCacheStall = instructionCacheStall;
    System.arraycopy(dataStall, 0, copy.dataStall, 0, dataStall.length);
    System.arraycopy(dataAccesses, 0, copy.dataAccesses, 0, dataAccesses.length);
    System.arraycopy(dataMisses, 0, copy.dataMisses, 0, dataMisses.length);
    System.arraycopy(dataWritebacks, 0, copy.dataWritebacks, 0, dataWritebacks.length);
    System.arraycopy(dataPrefetches, 0, copy.dataPrefetches, 0, dataPrefetches.length);
    System.arraycopy(dataPrefetchMisses, 0, copy.dataPrefetchMisses, 0,
        dataPrefetchMisses.length);
    System.arraycopy(fetchAccesses, 0, copy.fetchAccesses, 0, fetchAccesses.length);
    System.arraycopy(fetchMisses, 0, copy.fetchMisses, 0, fetchMisses.length);
    copy.interCoreEvictions = interCoreEvictions;
    System.arraycopy(translation, 0, copy.translation, 0, translation.length);
    return copy;
  }

  /** This minus {@code start}, field by field. */
  CoreCounters minus(CoreCounters start) {
    CoreCounters d = copy();
    d.instructions -= start.instructions;
    d.conditionalBranches -= start.conditionalBranches;
    d.directionMispredictions -= start.directionMispredictions;
    d.targetMispredictions -= start.targetMispredictions;
    d.returnMispredictions -= start.returnMispredictions;
    for (int i = 0; i < mispredictionsByType.length; i++) {
      d.mispredictionsByType[i] -= start.mispredictionsByType[i];
    }
    d.baseCycles -= start.baseCycles;
    d.branchStall -= start.branchStall;
    d.instructionCacheStall -= start.instructionCacheStall;
    for (int i = 0; i < dataStall.length; i++) {
      d.dataStall[i] -= start.dataStall[i];
    }
    for (int i = 0; i < dataAccesses.length; i++) {
      d.dataAccesses[i] -= start.dataAccesses[i];
      d.dataMisses[i] -= start.dataMisses[i];
      d.dataWritebacks[i] -= start.dataWritebacks[i];
      d.dataPrefetches[i] -= start.dataPrefetches[i];
      d.dataPrefetchMisses[i] -= start.dataPrefetchMisses[i];
    }
    for (int i = 0; i < fetchAccesses.length; i++) {
      d.fetchAccesses[i] -= start.fetchAccesses[i];
      d.fetchMisses[i] -= start.fetchMisses[i];
    }
    d.interCoreEvictions -= start.interCoreEvictions;
    for (int i = 0; i < translation.length; i++) {
      d.translation[i] -= start.translation[i];
    }
    return d;
  }

  /** Replaces the branch figures with those of {@code branches} (ChampSim's fetch edges). */
  void takeBranchFigures(CoreCounters branches) {
    conditionalBranches = branches.conditionalBranches;
    directionMispredictions = branches.directionMispredictions;
    targetMispredictions = branches.targetMispredictions;
    returnMispredictions = branches.returnMispredictions;
    System.arraycopy(branches.mispredictionsByType, 0, mispredictionsByType, 0,
        mispredictionsByType.length);
  }

  /** Every cycle counted, whatever its cause. */
  long cycles() {
    long stall = baseCycles + branchStall + instructionCacheStall;
    for (long cycles : dataStall) {
      stall += cycles;
    }
    return stall;
  }
}
