package org.bpsim.predictor.registry;

/** A plugin jar, or one provider in it, that could not be used, and why. */
public record PluginFailure(String plugin, String reason) {
  @Override
  public String toString() {
    return plugin + ": " + reason;
  }
}
