package org.bpsim.trace;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.predictor.spi.BranchKind;

/**
 * A trace as the full committed instruction stream, one instruction at a time, for timing models:
 * the fields of the current instruction are read through the accessors until {@link #next()}
 * moves on. Nothing is allocated per instruction.
 */
public interface InstructionStream extends AutoCloseable {

  Path path();

  /**
   * Moves to the next instruction.
   *
   * @return false at the end of the trace
   * @throws TraceFormatException if the trace is malformed here
   */
  boolean next() throws IOException;

  /** Instructions delivered so far, the current one included. */
  long instructions();

  long pc();

  /** The branch kind, or null when the instruction is not a branch. */
  BranchKind branchKind();

  /** Whether a branch was taken (true for every unconditional branch). */
  boolean taken();

  /** Where a taken branch went (0 if not a taken branch). */
  long target();

  /** Whether the instruction reads memory; then {@link #loadAddress()} is its first byte. */
  boolean isLoad();

  long loadAddress();

  /** Whether the instruction writes memory; then {@link #storeAddress()} is its first byte. */
  boolean isStore();

  long storeAddress();

  /** What kind of execution unit the instruction needs: one of the {@link ExecutionClass} values. */
  default int executionClass() {
    return ExecutionClass.SIMPLE;
  }

  /**
   * Registers the instruction reads, by the trace's own register numbering (0-255), or 0 when the
   * trace does not record registers; then {@link #sourceRegister(int)} names each. A stream
   * leaves out registers no instruction should wait for, such as an instruction pointer that the
   * front end supplies.
   */
  default int sourceRegisters() {
    return 0;
  }

  default int sourceRegister(int i) {
    throw new IndexOutOfBoundsException(i);
  }

  /** Registers the instruction writes (0 when the trace does not record registers). */
  default int destinationRegisters() {
    return 0;
  }

  default int destinationRegister(int i) {
    throw new IndexOutOfBoundsException(i);
  }

  /**
   * The register a load or store also writes with its updated base address (post- or
   * pre-indexed addressing), or -1. That write needs only the address, not the data.
   */
  default int baseUpdateRegister() {
    return -1;
  }

  /** A register no instruction ever waits for (a hard-wired zero), or -1 if there is none. */
  default int zeroRegister() {
    return -1;
  }

  /**
   * Asks the stream to deliver micro-ops from now on, split as the trace's own simulator splits
   * instructions (the CBP-2025 kit's reader does; other formats have no such split and ignore
   * this). Each micro-op then comes from one {@link #next()}, with its own registers and memory
   * access, and {@link #lastMicroOp()} marks an instruction's last one.
   */
  default void splitIntoMicroOps() {
  }

  /** Whether the current element ends an instruction (always, unless split into micro-ops). */
  default boolean lastMicroOp() {
    return true;
  }

  /**
   * The current instruction's length in bytes, so that a call's fall-through (return) address
   * is its pc plus this; 0 when the trace does not say (x86 traces such as ChampSim's, whose
   * instructions are 1 to 15 bytes: a return stack then learns call lengths).
   */
  default int instructionBytes() {
    return 0;
  }

  /** Bytes a load or store accesses (1 when the trace does not record sizes). */
  default int accessBytes() {
    return 1;
  }

  @Override
  void close() throws IOException;
}
