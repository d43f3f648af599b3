package org.bpsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bpsim.predictor.cbpnative.NativeKinds;
import org.bpsim.predictor.registry.PluginFailure;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code bpsim predictors}: what can be named with {@code -p}, with keys and storage. */
@Command(name = "predictors", mixinStandardHelpOptions = true,
    description = "List the predictors, their keys, defaults and storage.")
public final class PredictorsCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.Mixin
  PluginOptions pluginOptions = new PluginOptions();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PredictorRegistry registry = PredictorRegistry.withPlugins(pluginOptions.locations());
    for (PredictorProvider provider : registry.providers()) {
      out.printf(Locale.ROOT, "%s  -  %s  [%s]%n", provider.name(), provider.description(),
          registry.origin(provider.name()));
      if (NativeKinds.isNative(provider.name())) {
        // no default: it is whatever C++ the folder holds, compiled when the spec is checked
        out.printf(Locale.ROOT, "  spec: %s:dir=PATH[,name=LABEL][,storage_bits=N]"
            + "[,cxxflags=\"FLAGS\"]  (see README, Bring your C++ predictor)%n", provider.name());
      } else {
        printDefault(out, registry, provider);
      }
      for (Parameter parameter : provider.parameters()) {
        if (parameter.key().equals("budget")) {
          // presets: say what each one costs
          for (String preset : parameter.choices()) {
            long presetBits = registry.create(
                registry.resolve(provider.name() + ":budget=" + preset)).storageBits();
            out.printf(Locale.ROOT, "  budget=%-8s %,d bits = %.2f KB%n", preset, presetBits,
                presetBits / 8192.0);
          }
        }
      }
      for (Parameter parameter : provider.parameters()) {
        out.printf(Locale.ROOT, "  %-14s %-12s default %-8s %s%n", parameter.key(),
            parameter.validValues(),
            parameter.defaultValue().isEmpty() ? "-" : parameter.defaultValue(),
            parameter.description());
      }
      out.println();
    }
    for (PluginFailure failure : registry.failures()) {
      out.printf(Locale.ROOT, "plugin not used: %s%n", failure);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void printDefault(PrintWriter out, PredictorRegistry registry,
      PredictorProvider provider) {
    try {
      PredictorConfig defaults = registry.resolve(provider.name());
      long bits = registry.create(defaults).storageBits();
      out.printf(Locale.ROOT, "  default: %s  (%,d bits = %.2f KB)%n",
          defaults.canonicalSpec(), bits, bits / 8192.0);
    } catch (RuntimeException | LinkageError e) {
      out.printf(Locale.ROOT, "  FAILED to build its default configuration: %s%n", e);
    }
  }
}
