package org.bpsim.cli.faulty;

/** A plugin whose predictor, after a number of predictions, throws a java.lang.Error. */
public final class ErrorProvider extends FaultAfterProvider {
  public ErrorProvider() {
    super("throws-error", "test plugin that throws a java.lang.Error mid-trace");
  }

  @Override
  protected void fault() {
    throw new Error("deliberate error");
  }
}
