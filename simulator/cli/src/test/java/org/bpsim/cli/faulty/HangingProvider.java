package org.bpsim.cli.faulty;

/**
 * A plugin whose predictor, after a number of predictions, never returns from predict (a busy
 * loop that ignores interrupts).
 */
public final class HangingProvider extends FaultAfterProvider {
  private volatile long spins;

  public HangingProvider() {
    super("hangs", "test plugin whose predict never returns");
  }

  @Override
  protected void fault() {
    while (true) {
      spins++;
    }
  }
}
