package org.bpsim.cli.faulty;

/** A plugin whose predictor throws after a number of predictions. */
public final class ThrowingProvider extends FaultAfterProvider {
  public ThrowingProvider() {
    super("throws", "test plugin that fails mid-trace");
  }

  @Override
  protected void fault() {
    throw new IllegalStateException("deliberate failure");
  }
}
