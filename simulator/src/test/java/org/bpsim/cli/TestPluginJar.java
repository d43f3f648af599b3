package org.bpsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Packs compiled test classes (with their nested classes) into a plugin jar. */
final class TestPluginJar {
  private TestPluginJar() {
  }

  /** A jar at {@code jar} whose services file lists {@code provider}, holding its classes. */
  static Path of(Path jar, Class<?> provider) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/services/org.bpsim.predictor.spi.PredictorProvider"));
      out.write((provider.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      Path folder = Path.of(provider.getProtectionDomain().getCodeSource().getLocation().getPath())
          .resolve(provider.getPackageName().replace('.', '/'));
      try (var files = Files.list(folder)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          String name = file.getFileName().toString();
          if (name.equals(provider.getSimpleName() + ".class")
              || name.startsWith(provider.getSimpleName() + "$")) {
            out.putNextEntry(new JarEntry(provider.getPackageName().replace('.', '/') + "/"
                + name));
            try (InputStream in = Files.newInputStream(file)) {
              in.transferTo(out);
            }
          }
        }
      }
    }
    return jar;
  }
}
