package org.bpsim.trace;

import java.io.IOException;
import org.bpsim.predictor.spi.BranchKind;

/**
 * Writes branches in one trace format, the inverse of a {@link TraceReader}: what a writer writes,
 * the matching reader gives back (as far as the format keeps it). Used to make sample traces and
 * test inputs; closing finishes the file.
 */
public interface TraceWriter extends AutoCloseable {

  /**
   * Appends one branch.
   *
   * @param position instruction position counting the branch itself, increasing from 1; formats
   *     without instruction counts ignore it
   * @throws IllegalArgumentException if the format cannot express this branch
   */
  void write(long pc, long target, BranchKind kind, boolean taken, long position)
      throws IOException;

  default void write(BranchRecord record) throws IOException {
    write(record.pc(), record.target(), record.kind(), record.taken(), record.position());
  }

  @Override
  void close() throws IOException;
}
