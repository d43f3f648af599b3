package org.bpsim.pipeline;

import java.util.List;
import java.util.Map;

/**
 * One core's counted figures.
 *
 * @param targetMispredictions taken branches whose target the BTB or return stack got wrong
 * @param returnMispredictions the part of those made by the return address stack
 * @param mispredictionsByType mispredicted branches by ChampSim's six types ({@link
 *     BranchTypes#KEYS}, in that order), each branch counted once whether its direction or its
 *     target was wrong; branches of no such type (ChampSim's BRANCH_OTHER) are not counted
 * @param cpiStack cycles per instruction by cause, in order: base, branch, icache, each data
 *     level beyond the L1D, memory; they add up to 1 / ipc
 * @param llcOccupancy lines of a shared LLC last filled for this core, at the end of the run (-1
 *     when the LLC is private)
 * @param interCoreEvictions other cores' LLC lines this core's misses evicted (0 when private)
 * @param translation address translation's counts ({@link AddressTranslation#KEYS}: TLB accesses
 *     and misses, page-walk reads and cycles, minor faults); empty on a machine without TLBs
 */
public record CoreResult(int core, String trace, long instructions, long cycles, double ipc,
    long conditionalBranches, long directionMispredictions, long targetMispredictions,
    long returnMispredictions, double branchMpki, Map<String, Double> cpiStack,
    List<LevelResult> instructionLevels, List<LevelResult> dataLevels, long llcOccupancy,
    long interCoreEvictions, Map<String, Long> mispredictionsByType,
    Map<String, Long> translation) {
}
