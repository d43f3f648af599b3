package org.bpsim.replay;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.error.UserException;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.TraceReader;

/**
 * A trace's reader seen through a replay's window ({@link ReplayOptions}): each
 * {@link #next} decodes one batch and marks which of its entries are replayed and counted, and
 * the window keeps the trace's counts. Used by one thread, the one that decodes.
 */
final class TraceWindow {
  private final Path trace;
  private final TraceReader reader;
  private final ReplayOptions options;
  private final long warmup;
  private final long end;
  private final boolean known;
  private boolean stoppedEarly;
  private boolean ended;
  private long branches;
  private long conditionals;
  private long conditionalsSeen;

  /**
   * @throws UserException when the window cuts the trace but its format counts no instructions
   */
  TraceWindow(Path trace, TraceReader reader, ReplayOptions options) throws UserException {
    this.trace = trace;
    this.reader = reader;
    this.options = options;
    this.warmup = options.warmupInstructions();
    this.end = options.endPosition();
    this.known = reader.hasInstructionCounts();
    if (!known && !options.wholeTrace()) {
      throw new UserException(trace + ": this " + reader.format().id()
          + " trace has no instruction counts, so --warmup-instructions and "
          + "--max-instructions cannot apply to it");
    }
    if (end != Long.MAX_VALUE) {
      reader.stopAfter(end);
    }
  }

  /**
   * Decodes the next batch into {@code into} and sets its window; false at the end of the
   * trace or once the window's end has been passed (then {@code into} holds nothing).
   *
   * @throws org.bpsim.trace.TraceFormatException where the trace is damaged
   */
  boolean next(ReplayBatch into) throws IOException {
    if (ended) {
      return false;
    }
    BranchBatch batch = into.batch;
    int n = reader.read(batch);
    if (n == 0) {
      ended = true;
      return false;
    }
    long[] position = batch.position;
    int start = 0;
    while (start < n && position[start] <= warmup) {
      start++;
    }
    int stop = n;
    if (position[n - 1] > end) {
      stop = start;
      while (stop < n && position[stop] <= end) {
        stop++;
      }
      stoppedEarly = true;
      ended = true;
    }
    into.size = n;
    into.start = start;
    into.stop = stop;
    into.firstIndex = conditionalsSeen;
    int counted = Replay.countConditionals(batch.kind, start, stop);
    conditionalsSeen += Replay.countConditionals(batch.kind, 0, start) + counted;
    branches += stop - start;
    conditionals += counted;
    return true;
  }

  /** Whether the trace's positions count instructions. */
  boolean instructionsKnown() {
    return known;
  }

  /** Branches counted so far. */
  long branches() {
    return branches;
  }

  /** Conditional branches counted so far. */
  long conditionals() {
    return conditionals;
  }

  /** Whether the replay ended at the window's end rather than the trace's. */
  boolean stoppedEarly() {
    return stoppedEarly;
  }

  /** Instructions in the counted window, once the last batch has been read. */
  long countedInstructions() {
    long total = stoppedEarly ? end : reader.instructionsRead();
    if (options.wholeTrace() && reader.declaredInstructions().isPresent()) {
      total = reader.declaredInstructions().getAsLong();
    }
    return Math.max(0, Math.min(total, end) - warmup);
  }

  Path trace() {
    return trace;
  }
}
