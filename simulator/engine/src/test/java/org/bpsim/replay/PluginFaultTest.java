package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bpsim.replay.PluginFault.Naming;
import org.junit.jupiter.api.Test;

/** One wording of a predictor's failure, for the replay (classes in full) and the timing model. */
final class PluginFaultTest {

  @Test
  void whatWasThrownIsNamedWithItsMessageOnOneLine() {
    Error error = new Error("deliberate\nerror");
    assertEquals("threw java.lang.Error: deliberate error", PluginFault.reason(error,
        Naming.QUALIFIED));
    assertEquals("threw Error: deliberate error", PluginFault.reason(error, Naming.SIMPLE));
    assertEquals("threw java.lang.OutOfMemoryError",
        PluginFault.reason(new OutOfMemoryError(" "), Naming.QUALIFIED));
    assertEquals("failed to build: IllegalStateException: no",
        PluginFault.whileBuilding(new IllegalStateException("no"), Naming.SIMPLE));
  }

  @Test
  void aLanesVerdictSpeaksForItself() {
    PredictorFault fault = new PredictorFault("made no progress for 1s (--predictor-timeout), "
        + "so bpsim gave it up");
    assertEquals(fault.getMessage(), PluginFault.reason(fault, Naming.QUALIFIED));
    assertEquals(fault.getMessage(), PluginFault.reason(fault, Naming.SIMPLE));
    assertEquals(fault.getMessage() + " while being built",
        PluginFault.whileBuilding(fault, Naming.QUALIFIED));
    assertEquals(fault.getMessage() + " in storageBits()", PluginFault.inStorageBits(
        PluginFault.reason(fault, Naming.QUALIFIED)));
  }

  @Test
  void aThrowableWhoseMessageFailsIsStillNamed() {
    RuntimeException odd = new RuntimeException() {
      private static final long serialVersionUID = 1L;

      @Override
      public String getMessage() {
        throw new IllegalStateException("no message today");
      }
    };
    assertEquals("threw " + odd.getClass().getName(), PluginFault.reason(odd, Naming.QUALIFIED));
  }
}
