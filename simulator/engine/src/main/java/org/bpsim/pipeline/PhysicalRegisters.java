package org.bpsim.pipeline;

import org.bpsim.trace.InstructionStream;

/**
 * A register file of limited size, as ChampSim's {@code RegisterAllocator} has: every
 * architectural register named so far holds one physical register, and each destination in
 * flight one more, from the time it is renamed until its instruction retires. When none is free,
 * ChampSim's scheduler stops at that instruction, so it and every younger instruction wait.
 *
 * <p>In the dataflow model this becomes a gate on the execute cycle: the destination renamed as
 * the n-th needs the (n − available)-th to have retired, available being the size less the
 * architectural registers named; the gate never moves back, as ChampSim renames in order.
 * Retire cycles of older instructions are already known when a younger one is placed, so a ring
 * of the last {@code size} retire cycles is all it keeps.
 */
final class PhysicalRegisters {
  /** ChampSim's number for the instruction pointer, which every branch writes (and renames). */
  private static final int INSTRUCTION_POINTER = 26;

  private final int size;
  private final boolean[] named = new boolean[256];
  private int namedCount;
  private final long[] retireOfAllocation;
  private long allocations;
  private long gate;
  private int pendingDestinations;

  PhysicalRegisters(int size) {
    this.size = size;
    this.retireOfAllocation = new long[size];
  }

  /** The earliest cycle the current instruction may start: once it could be renamed. */
  long gate(InstructionStream stream, boolean branch) {
    int zero = stream.zeroRegister();
    for (int i = 0, n = stream.sourceRegisters(); i < n; i++) {
      name(stream.sourceRegister(i), zero);
    }
    int destinations = 0;
    int baseUpdate = stream.baseUpdateRegister();
    for (int i = 0, n = stream.destinationRegisters(); i < n; i++) {
      int register = stream.destinationRegister(i);
      name(register, zero);
      // ChampSim folds the stack pointer of pushes, pops, calls and returns: no new register.
      if (register != zero && register != baseUpdate) {
        destinations++;
      }
    }
    if (branch) {
      // bpsim's streams drop the instruction pointer from a branch's registers; ChampSim's
      // renames it like any other destination.
      name(INSTRUCTION_POINTER, zero);
      destinations++;
    }
    long available = Math.max(1, size - namedCount);
    for (int d = 0; d < destinations; d++) {
      long older = allocations + d - available;
      if (older >= 0) {
        gate = Math.max(gate, retireOfAllocation[(int) (older % size)]);
      }
    }
    pendingDestinations = destinations;
    return gate;
  }

  /** The current instruction's destinations are held until {@code retire}. */
  void retire(long retire) {
    for (int d = 0; d < pendingDestinations; d++) {
      retireOfAllocation[(int) (allocations % size)] = retire;
      allocations++;
    }
    pendingDestinations = 0;
  }

  private void name(int register, int zero) {
    if (register != zero && !named[register]) {
      named[register] = true;
      namedCount++;
    }
  }
}
