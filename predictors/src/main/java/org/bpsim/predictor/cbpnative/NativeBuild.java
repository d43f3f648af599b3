package org.bpsim.predictor.cbpnative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bpsim.predictor.spi.SpecException;

/**
 * Compiles a submission with bpsim's headers and driver into a program, once: the program is
 * kept in the cache folder under a key made of the submission's files, bpsim's headers and
 * driver, the flags and the compiler's version, so a changed file or flag, or another compiler,
 * builds again and anything else is reused.
 *
 * <p>The cache folder is {@code $BPSIM_CACHE_DIR} (or the system property
 * {@code bpsim.cache.dir}, which wins; tests use it), else {@code $XDG_CACHE_HOME/bpsim}, else
 * {@code ~/.cache/bpsim}; programs go in its {@code native/} folder. The compiler is
 * {@code $CXX}, else the first of {@code c++} and {@code g++} on the {@code PATH}.
 *
 * <p>A program enters the cache by one rename from a build folder inside the cache folder. That
 * is not {@code org.bpsim.output.AtomicFiles}' job, which writes the outputs a user names: it
 * follows their links, keeps their permissions, writes devices directly and refuses folders. A
 * cache entry is no user's file: its name is the hash of everything it is built from, so any
 * two bpsim processes that build it put the same program there, and a rename within one folder
 * is all it needs. (This module also depends on the predictor SPI alone.)
 */
public final class NativeBuild {
  /** The flags used when {@code cxxflags=} is not given. */
  public static final String DEFAULT_FLAGS = "-O3";

  private static final AtomicInteger COMPILATIONS = new AtomicInteger();
  private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();
  private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();
  private static final int MAX_DEPTH = 4;

  private NativeBuild() {
  }

  /** How many programs this JVM has compiled (tests check that the cache is used). */
  public static int compilations() {
    return COMPILATIONS.get();
  }

  /** The cache folder (see the class comment). */
  public static Path cacheRoot() {
    String property = System.getProperty("bpsim.cache.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String env = System.getenv("BPSIM_CACHE_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "bpsim");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "bpsim");
  }

  /** The compiler's command ({@code $CXX} split at spaces), or empty when none is found. */
  public static Optional<List<String>> compiler() {
    String cxx = System.getenv("CXX");
    if (cxx != null && !cxx.isBlank()) {
      return Optional.of(List.of(cxx.trim().split("\\s+")));
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : List.of("c++", "g++")) {
      for (String folder : path.split(java.io.File.pathSeparator)) {
        if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
          return Optional.of(List.of(Path.of(folder, name).toString()));
        }
      }
    }
    return Optional.empty();
  }

  /** The flags {@code cxxflags} stands for: split at white space; empty means the default. */
  static List<String> flags(String cxxflags) {
    String text = cxxflags == null || cxxflags.isBlank() ? DEFAULT_FLAGS : cxxflags.trim();
    return List.of(text.split("\\s+"));
  }

  /**
   * The compiled program for the submission in {@code dir}: from the cache, or compiled now
   * (saying so on standard error).
   *
   * @throws SpecException when the folder is not a submission, no compiler is found, or the
   *     submission does not compile (the message holds the compiler's own output)
   */
  static Path program(NativeInterface kit, String dirText, String cxxflags) {
    Path dir = Path.of(dirText);
    String what = "predictor '" + kit.kind + "'";
    if (!Files.isDirectory(dir)) {
      throw new SpecException(what + ": dir=" + dirText + " is not a folder");
    }
    if (!Files.isRegularFile(dir.resolve(kit.requiredFile))) {
      throw new SpecException(what + ": " + dirText + " has no " + kit.requiredFile
          + " (a " + kit.kind + " submission's folder holds it)");
    }
    List<String> cxx = compiler().orElseThrow(() -> new SpecException(what
        + " needs a C++ compiler: none found ($CXX, c++ or g++ on the PATH)"));
    List<String> flags = flags(cxxflags);
    String version = VERSIONS.computeIfAbsent(String.join(" ", cxx), NativeBuild::version);
    String key = key(kit, dir, cxx, flags, version);
    Path folder = cacheRoot().resolve("native");
    Path program = folder.resolve(kit.kind + "-" + key).resolve("predictor");
    synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
      if (Files.isExecutable(program)) {
        return program;
      }
      compile(kit, dir, dirText, cxx, flags, folder, program);
      return program;
    }
  }

  private static void compile(NativeInterface kit, Path dir, String dirText, List<String> cxx,
      List<String> flags, Path folder, Path program) {
    String what = "predictor '" + kit.kind + "'";
    Path build;
    try {
      Files.createDirectories(program.getParent());
      build = Files.createTempDirectory(folder, ".build-");
    } catch (IOException e) {
      throw new SpecException(what + ": cannot write the cache folder " + folder + ": "
          + e.getMessage());
    }
    try {
      Path include = build.resolve("include");
      for (String resource : resources(kit)) {
        if (resource.equals(kit.driver)) {
          continue;
        }
        Path target = include.resolve(NativeInterface.includePath(resource));
        Files.createDirectories(target.getParent());
        Files.write(target, resource(resource));
      }
      Path driver = build.resolve("bpsim_driver.cc");
      Files.write(driver, resource(kit.driver));
      Path output = build.resolve("predictor");
      List<String> command = new ArrayList<>(cxx);
      command.addAll(flags);
      command.addAll(List.of("-I", include.toString(), "-I", dir.toString(), "-o",
          output.toString(), driver.toString()));
      for (String source : kit.sources) {
        Path file = dir.resolve(source);
        if (Files.isRegularFile(file) && !source.equals(kit.driver)) {
          command.add(file.toString());
        }
      }
      System.err.println("bpsim: compiling the " + kit.kind + " predictor in " + dirText
          + " (" + String.join(" ", cxx) + " " + String.join(" ", flags) + ")");
      COMPILATIONS.incrementAndGet();
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      String messages = new String(process.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8);
      int status = process.waitFor();
      if (status != 0 || !Files.isExecutable(output)) {
        throw new SpecException(what + ": " + dirText + " does not compile ("
            + String.join(" ", cxx) + " " + String.join(" ", flags) + ", exit status " + status
            + "):\n" + messages.stripTrailing());
      }
      // One rename within the cache folder, where the build folder is (one file system, so the
      // rename is atomic): another bpsim sees a whole program or none; two that race put the same.
      Files.move(output, program, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new SpecException(what + ": cannot compile " + dirText + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpecException(what + ": interrupted while compiling " + dirText);
    } finally {
      deleteQuietly(build);
    }
  }

  private static List<String> resources(NativeInterface kit) {
    List<String> all = new ArrayList<>(kit.headers);
    all.add(NativeInterface.PROTOCOL_HEADER);
    all.add(kit.driver);
    return all;
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = NativeBuild.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("bpsim's resource " + name + " is missing");
      }
      return in.readAllBytes();
    }
  }

  private static String version(String cxx) {
    try {
      Process process = new ProcessBuilder(List.of(cxx.split(" ")).get(0), "--version")
          .redirectErrorStream(true).start();
      String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return text;
    } catch (IOException e) {
      throw new SpecException("the C++ compiler " + cxx + " cannot be run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpecException("interrupted while asking " + cxx + " for its version");
    }
  }

  /** A hash of everything the program depends on, as 16 hex digits. */
  private static String key(NativeInterface kit, Path dir, List<String> cxx, List<String> flags,
      String version) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try {
      field(digest, kit.kind);
      field(digest, String.join("\0", cxx));
      field(digest, version);
      field(digest, String.join("\0", flags));
      for (String resource : resources(kit)) {
        field(digest, resource);
        field(digest, resource(resource));
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
        files = walk.filter(Files::isRegularFile)
            .filter(p -> !dir.relativize(p).toString().startsWith("."))
            .sorted(Comparator.comparing(p -> dir.relativize(p).toString()))
            .toList();
      }
      for (Path file : files) {
        field(digest, dir.relativize(file).toString());
        field(digest, Files.readAllBytes(file));
      }
    } catch (IOException | UncheckedIOException e) {
      throw new SpecException("predictor '" + kit.kind + "': cannot read " + dir + ": "
          + e.getMessage());
    }
    return HexFormat.of().formatHex(Arrays.copyOf(digest.digest(), 8));
  }

  private static void field(MessageDigest digest, String value) {
    field(digest, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void field(MessageDigest digest, byte[] value) {
    digest.update(java.nio.ByteBuffer.allocate(8).putLong(value.length).array());
    digest.update(value);
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // a leftover build folder is harmless; the next build uses a new one
        }
      });
    } catch (IOException e) {
      // as above
    }
  }
}
