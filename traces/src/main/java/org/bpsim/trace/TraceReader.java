package org.bpsim.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Streams the branches of one trace file in constant memory, a batch at a time. Every format's
 * reader yields the same model: pc, target (0 where unknown), kind, taken, and instruction
 * position.
 */
public interface TraceReader extends AutoCloseable {

  Path path();

  TraceFormat format();

  Compression compression();

  /**
   * Clears {@code batch} and fills it with the next branches.
   *
   * @return the number of branches placed in the batch; 0 only at the end of the trace
   * @throws TraceFormatException if the trace is truncated or corrupt at this point
   */
  int read(BranchBatch batch) throws IOException;

  /**
   * Whether positions count instructions. When false (CBP-1 style text traces), positions count
   * branches and the trace's instruction count is unknown unless the user supplies it.
   */
  boolean hasInstructionCounts();

  /**
   * Instructions read so far, including any after the last branch once the end is reached. Only
   * meaningful when {@link #hasInstructionCounts()}.
   */
  long instructionsRead();

  /**
   * Lets the reader end the trace once it has read past instruction position {@code position}:
   * every branch at or before it is still returned, with its target. Readers of formats whose
   * instructions can go on without a branch (ChampSim, CBP-2025) honour it, so that an endless
   * stream with an instruction limit ends; in the others every record holds a branch, and the
   * caller's own check of positions ends the replay.
   */
  default void stopAfter(long position) {
  }

  /** The instruction count the file's header declares, if it has one (BT9, CBP-2 kit). */
  default OptionalLong declaredInstructions() {
    return OptionalLong.empty();
  }

  /**
   * What is wrong with the trace's metadata but does not stop the replay, one line each, naming
   * the file: a BT9 header whose instruction count disagrees with the trace's own counts, a
   * {@code .bpt} file of a version without checksums. Complete once the end is reached.
   */
  default java.util.List<String> warnings() {
    return java.util.List.of();
  }

  @Override
  void close() throws IOException;
}
