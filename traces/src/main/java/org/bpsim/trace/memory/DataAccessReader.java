package org.bpsim.trace.memory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams the data accesses (loads and stores) of a trace in program order, a batch at a time, in
 * constant memory. Kept apart from {@link org.bpsim.trace.TraceReader}: a cache study needs
 * addresses, not branches.
 */
public interface DataAccessReader extends AutoCloseable {

  Path path();

  /**
   * Clears {@code batch} and fills it with the next accesses.
   *
   * @return how many accesses were placed in the batch; 0 only at the end of the trace
   * @throws org.bpsim.trace.TraceFormatException if the trace is malformed at this point
   */
  int read(DataAccessBatch batch) throws IOException;

  /** Accesses delivered so far. */
  long accessesRead();

  @Override
  void close() throws IOException;
}
