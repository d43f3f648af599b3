package org.bpsim.predictor.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands plugin locations (jars, or folders of jars) into a sorted, duplicate-free list. */
final class PluginJars {
  private PluginJars() {
  }

  static List<Path> expand(List<Path> locations, List<PluginFailure> failures) {
    List<Path> jars = new ArrayList<>();
    for (Path location : locations) {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.list(location)) {
          files.filter(p -> p.getFileName().toString().endsWith(".jar"))
              .filter(Files::isRegularFile)
              .sorted()
              .forEach(jars::add);
        } catch (IOException e) {
          failures.add(new PluginFailure(location.toString(), "cannot list folder: " + e));
        }
      } else if (Files.isRegularFile(location)) {
        jars.add(location);
      } else {
        failures.add(new PluginFailure(location.toString(), "no such plugin jar or folder"));
      }
    }
    List<Path> unique = new ArrayList<>();
    for (Path jar : jars) {
      Path normal = jar.toAbsolutePath().normalize();
      if (unique.stream().noneMatch(u -> u.toAbsolutePath().normalize().equals(normal))) {
        unique.add(jar);
      }
    }
    return unique;
  }
}
