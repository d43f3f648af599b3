package org.bpsim.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.bpsim.output.AtomicFiles;
import org.bpsim.output.PendingFile;
import org.bpsim.output.Temporaries;
import org.bpsim.error.UserException;

/**
 * bpsim's QEMU plugin, built from the C source bundled in the jar the first time it is needed.
 * The shared object is cached under a name derived from the source's hash, so an updated source is
 * rebuilt and concurrent recordings never see a half-written file.
 */
public final class QemuPlugin {
  static final String SOURCE_RESOURCE = "bpsim-qemu-plugin.c";

  private QemuPlugin() {
  }

  /** The built plugin, building it with the C compiler ({@code $CC}, cc or gcc) if needed. */
  public static Path build() throws IOException, InterruptedException {
    byte[] source = source();
    Path cache = cacheDirectory();
    Path plugin = cache.resolve("bpsim-qemu-plugin-" + hash(source).substring(0, 16) + ".so");
    if (Files.isRegularFile(plugin)) {
      return plugin;
    }
    String compiler = compiler();
    Files.createDirectories(cache);
    Path work = Temporaries.createFolderBeside(plugin.resolveSibling("build"));
    // The compiler writes beside the plugin; the rename makes it appear whole, or not at all.
    try (PendingFile built = AtomicFiles.begin(plugin)) {
      Path sourceFile = work.resolve(SOURCE_RESOURCE);
      Files.write(sourceFile, source);
      Path log = work.resolve("compiler.log");
      Process process = new ProcessBuilder(compiler, "-shared", "-fPIC", "-O2",
          "-fvisibility=hidden", "-o", built.path().toString(), sourceFile.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (process.waitFor() != 0) {
        throw new UserException("building the QEMU plugin with " + compiler + " failed: "
            + Files.readString(log, StandardCharsets.UTF_8).strip().replace('\n', ' '));
      }
      built.commit();
      return plugin;
    } finally {
      Temporaries.delete(work);
    }
  }

  static byte[] source() throws IOException {
    try (InputStream in = QemuPlugin.class.getResourceAsStream(SOURCE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SOURCE_RESOURCE + " is missing from the jar");
      }
      return in.readAllBytes();
    }
  }

  /** {@code $BPSIM_CACHE}, else {@code $XDG_CACHE_HOME/bpsim}, else {@code ~/.cache/bpsim}. */
  static Path cacheDirectory() {
    String explicit = System.getenv("BPSIM_CACHE");
    if (explicit != null && !explicit.isEmpty()) {
      return Paths.get(explicit);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty()) {
      return Paths.get(xdg, "bpsim");
    }
    return Paths.get(System.getProperty("user.home"), ".cache", "bpsim");
  }

  static String compiler() {
    String fromEnvironment = System.getenv("CC");
    List<String> candidates = fromEnvironment == null || fromEnvironment.isBlank()
        ? List.of("cc", "gcc") : List.of(fromEnvironment.strip());
    for (String candidate : candidates) {
      if (Executables.find(candidate) != null) {
        return candidate;
      }
    }
    throw new UserException("no C compiler (" + String.join(", ", candidates) + ") to build the "
        + "QEMU plugin: install one (Debian: apt-get install gcc) or set CC");
  }

  private static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
