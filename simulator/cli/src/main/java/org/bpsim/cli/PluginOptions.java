package org.bpsim.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.predictor.registry.PluginFailure;
import org.bpsim.predictor.registry.PredictorRegistry;
import picocli.CommandLine.Option;

/**
 * Where predictor plugins come from: {@code --plugin JAR|DIR} (repeatable), the folder
 * {@code plugins/} beside the launcher, and the {@code BPSIM_PLUGINS} environment variable (a
 * path list). Shared by every command that names predictors.
 */
public final class PluginOptions {
  static final String ENVIRONMENT_VARIABLE = "BPSIM_PLUGINS";

  @Option(names = "--plugin", paramLabel = "JAR|DIR",
      description = "Load predictor plugins from a jar or a folder of jars (repeatable). Also "
          + "read: the plugins/ folder beside the launcher and $BPSIM_PLUGINS.")
  List<Path> plugins = new ArrayList<>();

  /** Every plugin location, in the order: command line, environment, launcher folder. */
  List<Path> locations() {
    List<Path> locations = new ArrayList<>(plugins);
    String environment = System.getenv(ENVIRONMENT_VARIABLE);
    if (environment != null && !environment.isBlank()) {
      for (String part : environment.split(File.pathSeparator)) {
        if (!part.isBlank()) {
          locations.add(Paths.get(part.trim()));
        }
      }
    }
    String home = System.getProperty(TraceArguments.HOME_PROPERTY);
    if (home != null) {
      Path folder = Paths.get(home, "plugins");
      if (Files.isDirectory(folder)) {
        locations.add(folder);
      }
    }
    return locations;
  }

  /** The registry of built-ins and plugins; plugin failures are reported on {@code err}. */
  PredictorRegistry registry(PrintWriter err) {
    PredictorRegistry registry = PredictorRegistry.withPlugins(locations());
    for (PluginFailure failure : registry.failures()) {
      err.println("bpsim: warning: plugin not used: " + failure);
    }
    err.flush();
    return registry;
  }
}
