package org.bpsim.replay;

import java.util.OptionalLong;

/**
 * What part of a trace counts.
 *
 * @param warmupInstructions predictors train on, but nothing is counted during, the first this
 *     many instructions
 * @param maxInstructions replay stops after this many counted instructions (after the warmup);
 *     {@link Long#MAX_VALUE} for the whole trace
 * @param instructions the trace's instruction count as the user states it, for formats that
 *     carry none (CBP-1 text)
 */
public record ReplayOptions(long warmupInstructions, long maxInstructions,
    OptionalLong instructions) {

  public static final ReplayOptions WHOLE_TRACE =
      new ReplayOptions(0, Long.MAX_VALUE, OptionalLong.empty());

  public ReplayOptions {
    if (warmupInstructions < 0) {
      throw new IllegalArgumentException("warmup instructions must be >= 0");
    }
    if (maxInstructions <= 0) {
      throw new IllegalArgumentException("max instructions must be > 0");
    }
  }

  public boolean wholeTrace() {
    return warmupInstructions == 0 && maxInstructions == Long.MAX_VALUE;
  }

  /** The last instruction position that is replayed. */
  long endPosition() {
    long end = warmupInstructions + maxInstructions;
    return end < 0 ? Long.MAX_VALUE : end;
  }
}
