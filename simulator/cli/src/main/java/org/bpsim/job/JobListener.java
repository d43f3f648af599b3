package org.bpsim.job;

/**
 * What a running job tells the command that started it, from any of its threads: the command
 * decides where it goes (standard error, a progress line, nowhere). Every method does nothing by
 * default.
 */
public interface JobListener {
  /** A listener that hears nothing. */
  JobListener NONE = new JobListener() {
  };

  /** Something the user should know that does not stop the job (a skipped record, ...). */
  default void warn(String line) {
  }

  /** A status line of a long step (compare's multi-core run). */
  default void note(String line) {
  }

  /** {@code branches} more branches were replayed, on some trace. */
  default void replayed(long branches) {
  }

  /** A trace is done: its size on disk (0 for a stream), its branches, the seconds it took. */
  default void traceFinished(String trace, long bytes, long branches, double seconds) {
  }
}
