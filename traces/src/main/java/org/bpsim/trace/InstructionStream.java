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

  /** Execution latency class beyond a simple ALU op, in cycles (0 for a one-cycle op). */
  default int extraLatency() {
    return 0;
  }

  @Override
  void close() throws IOException;
}
