package org.bpsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Packs compiled test classes (with their nested classes) into a plugin jar. */
final class TestPluginJar {
  private TestPluginJar() {
  }

  /**
   * A jar at {@code jar} whose services file lists {@code provider}, holding its classes and those
   * of its superclasses in the same package (a shared shape of test plugins).
   */
  static Path of(Path jar, Class<?> provider) throws IOException {
    return of(jar, List.of(provider.getName()), provider);
  }

  /**
   * A jar whose services file lists {@code services} (which may name classes it does not hold),
   * holding {@code classes}, their nested classes and their superclasses of the same package.
   */
  static Path of(Path jar, List<String> services, Class<?>... classes) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/services/org.bpsim.predictor.spi.PredictorProvider"));
      out.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
      Set<Class<?>> packed = new HashSet<>();
      for (Class<?> type : classes) {
        for (Class<?> c = type; c != null && c.getPackageName().equals(type.getPackageName());
            c = c.getSuperclass()) {
          if (packed.add(c)) {
            addClassFiles(out, c);
          }
        }
      }
    }
    return jar;
  }

  /** The class file of {@code type} and of its nested classes. */
  private static void addClassFiles(JarOutputStream out, Class<?> type) throws IOException {
    String folderName = type.getPackageName().replace('.', '/');
    Path folder = Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath())
        .resolve(folderName);
    try (var files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.equals(type.getSimpleName() + ".class")
            || name.startsWith(type.getSimpleName() + "$")) {
          out.putNextEntry(new JarEntry(folderName + "/" + name));
          try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
          }
        }
      }
    }
  }
}
