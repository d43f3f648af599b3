package org.bpsim.record;

import org.bpsim.predictor.spi.BranchKind;

/**
 * What one recording produced.
 *
 * @param instructions instructions written to the trace
 * @param branchesByKind branches written, indexed by {@link BranchKind#ordinal()}
 * @param conditionalTaken conditional branches written that were taken
 * @param executed instructions the program executed in all, skipped ones included, when the
 *     program ran to its end; -1 when recording stopped it early
 * @param droppedAccesses memory accesses beyond what a ChampSim record holds (4 loads, 2 stores)
 * @param unrecognisedInstructions instructions announced for the trace whose mnemonic
 *     {@link X86Disassembly} did not know, so that their registers are a guess
 */
public record RecordingSummary(long instructions, long[] branchesByKind, long conditionalTaken,
    long executed, long droppedAccesses, long unrecognisedInstructions) {

  public long branches(BranchKind kind) {
    return branchesByKind[kind.ordinal()];
  }
}
