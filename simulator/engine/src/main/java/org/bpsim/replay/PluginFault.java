package org.bpsim.replay;

import org.bpsim.predictor.cbpnative.NativePredictorException;

/**
 * What a predictor's failure is called, on one line: the one place that classifies what
 * predictor code threw (a plugin's above all) and words it, for the replay
 * ({@link GuardedPredictor}) and the timing model ({@code pipeline.Core} and
 * {@code pipeline.Simulation}, through {@code PredictorFailure}) alike. Callers catch every
 * {@link Throwable} around predictor code, {@link Error}s included (a plugin's
 * {@link OutOfMemoryError} or {@link StackOverflowError} is its own failure), and hand it here.
 *
 * <p>Two kinds of failure already say what happened and are kept as they are: a lane's verdict
 * ({@link PredictorFault}: no progress within the timeout, or {@code System.exit}) and a native
 * predictor's account of its child process ({@link NativePredictorException}: the signal or exit
 * status and its last words). Anything else is "threw" with the thrower's class and message.
 */
public final class PluginFault {

  /**
   * How a thrower's class is named: in full in the replay's rows, by its simple name in the
   * timing model's messages.
   */
  public enum Naming {
    QUALIFIED,
    SIMPLE
  }

  /** The failure of a provider that built nothing. */
  public static final String NO_PREDICTOR = "its provider returned no predictor";

  private PluginFault() {
  }

  /** Why predictor code failed, from what it threw. */
  public static String reason(Throwable thrown, Naming naming) {
    return speaksForItself(thrown) ? message(thrown) : "threw " + describe(thrown, naming);
  }

  /** Why the predictor could not be built, from what building it threw. */
  public static String whileBuilding(Throwable thrown, Naming naming) {
    return speaksForItself(thrown) ? message(thrown) + " while being built"
        : "failed to build: " + describe(thrown, naming);
  }

  /** Where in the replay a batch's failure happened. */
  public static String inBatch(long firstInstruction) {
    return " in the batch of branches starting at instruction " + firstInstruction;
  }

  /** Where a failure asking for the storage happened. */
  public static String inStorageBits(String reason) {
    return reason + " in storageBits()";
  }

  /** The failure of a predictor that answered {@code storageBits()} with a negative count. */
  public static String negativeStorage(long bits) {
    return "reported a negative storage of " + bits + " bits";
  }

  private static boolean speaksForItself(Throwable thrown) {
    return thrown instanceof PredictorFault || thrown instanceof NativePredictorException;
  }

  /** What was thrown, on one line: its class, named as {@code naming} says, and its message. */
  static String describe(Throwable thrown, Naming naming) {
    Class<?> type = thrown.getClass();
    String message = message(thrown);
    return (naming == Naming.QUALIFIED ? type.getName() : type.getSimpleName())
        + (message.isEmpty() ? "" : ": " + message);
  }

  private static String message(Throwable thrown) {
    String message;
    try {
      message = thrown.getMessage();
    } catch (RuntimeException | Error e) {
      // a plugin's own throwable may fail even here
      message = null;
    }
    return message == null || message.isBlank() ? "" : message.replace('\n', ' ');
  }
}
