package org.bpsim.cli.faulty;

/** A plugin whose predictor, after a number of predictions, calls System.exit(0). */
public final class ExitingProvider extends FaultAfterProvider {
  public ExitingProvider() {
    super("exits", "test plugin that calls System.exit(0) mid-trace");
  }

  @Override
  protected void fault() {
    System.exit(0);
  }
}
