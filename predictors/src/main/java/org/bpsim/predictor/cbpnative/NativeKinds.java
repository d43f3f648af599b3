package org.bpsim.predictor.cbpnative;

/** Which predictor names are native kinds, whose code runs in a child process. */
public final class NativeKinds {
  private NativeKinds() {
  }

  /** Whether {@code name} is a native kind ({@code cbp2016}, {@code cbp2025}). */
  public static boolean isNative(String name) {
    for (NativeInterface kit : NativeInterface.values()) {
      if (kit.kind.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
