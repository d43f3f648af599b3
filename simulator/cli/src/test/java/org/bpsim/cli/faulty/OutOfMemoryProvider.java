package org.bpsim.cli.faulty;

import java.util.ArrayList;
import java.util.List;

/**
 * A plugin whose predictor, after a number of predictions, asks for more heap than the JVM has, so
 * that the JVM throws an OutOfMemoryError.
 */
public final class OutOfMemoryProvider extends FaultAfterProvider {
  private final List<long[]> hoard = new ArrayList<>();

  public OutOfMemoryProvider() {
    super("exhausts-memory", "test plugin that asks for more heap than there is");
  }

  @Override
  protected void fault() {
    // One request larger than any test heap: the JVM throws on this thread at once. Filling the
    // heap bit by bit instead would let the OutOfMemoryError strike whichever thread allocates
    // next, bpsim's own included, and the test would depend on timing.
    hoard.add(new long[Integer.MAX_VALUE - 16]);
  }
}
