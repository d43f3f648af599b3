package org.bpsim.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * bpsim's temporary files and folders beside its outputs: named so that they are recognisably
 * bpsim's and say which process made them ({@code .NAME.bpsim-tmp-PID-N}), deleted by a shutdown
 * hook when bpsim is interrupted (SIGINT, SIGTERM) before it could finish them, and removed by a
 * later run once the process that made them is gone (a crash, a SIGKILL).
 */
public final class Temporaries {
  /** What a temporary's name carries after {@code .NAME}; nothing a user names a file like. */
  static final String MARK = ".bpsim-tmp-";
  private static final Pattern NAME = Pattern.compile("\\..+" + Pattern.quote(MARK)
      + "(\\d+)-\\d+");
  private static final long PID = ProcessHandle.current().pid();
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
  private static final Object LOCK = new Object();
  private static boolean shuttingDown;
  private static volatile BooleanSupplier runGoesOn = () -> false;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Temporaries::deleteAll,
        "bpsim-temporaries"));
  }

  private Temporaries() {
  }

  /**
   * Tells the shutdown hook when a JVM shutdown is not the end of the run: a plugin's
   * {@code System.exit}, which bpsim survives to write the other predictors' results (see
   * {@code org.bpsim.replay.PluginExits}). Its temporaries are then left to the run, which renames
   * or removes them itself, rather than deleted under it.
   */
  public static void keepWhileRunGoesOn(BooleanSupplier condition) {
    runGoesOn = condition;
  }

  /** A fresh name beside {@code target} (same folder), not yet taken by anything. */
  public static Path nameBeside(Path target) {
    Path parent = target.toAbsolutePath().getParent();
    String prefix = "." + within(target.getFileName().toString(),
        LONGEST_NAME - 1 - MARK.length() - 20 - 1 - 19) + MARK + PID + "-";
    while (true) {
      Path candidate = parent.resolve(prefix + SEQUENCE.getAndIncrement());
      if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
        return candidate;
      }
    }
  }

  /** Creates an empty temporary file beside {@code target}, deleted should bpsim be stopped. */
  public static Path createFileBeside(Path target) throws IOException {
    return createBeside(target, Files::createFile);
  }

  /** Creates an empty temporary folder beside {@code target}, deleted should bpsim be stopped. */
  public static Path createFolderBeside(Path target) throws IOException {
    return createBeside(target, Files::createDirectory);
  }

  /** How a temporary is made at a free name: {@code Files::createFile} or a folder's. */
  private interface Creation {
    Path create(Path at, FileAttribute<?>... none) throws IOException;
  }

  /** Registers the name before it exists, so that an interrupt meanwhile still deletes it. */
  private static Path createBeside(Path target, Creation creation) throws IOException {
    synchronized (LOCK) {
      refuseWhenShuttingDown();
      Path path = nameBeside(target);
      LIVE.add(path);
      try {
        return creation.create(path);
      } catch (IOException | RuntimeException e) {
        LIVE.remove(path);
        throw e;
      }
    }
  }

  /** Registers a temporary made elsewhere (a work folder) for deletion at an interrupt. */
  public static void register(Path path) throws IOException {
    synchronized (LOCK) {
      refuseWhenShuttingDown();
      LIVE.add(path.toAbsolutePath());
    }
  }

  /** Deletes a temporary (a file, or a folder with its content) and forgets it. */
  public static void delete(Path path) throws IOException {
    try {
      deleteRecursively(path);
    } finally {
      LIVE.remove(path.toAbsolutePath());
    }
  }

  /** Forgets a temporary that became an output (it was renamed into place). */
  public static void forget(Path path) {
    LIVE.remove(path.toAbsolutePath());
  }

  /**
   * Removes, in {@code folder}, the temporaries that a bpsim process no longer running left
   * behind. Anything else (other names, temporaries of running processes) is left alone.
   */
  public static void removeStale(Path folder) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, ".*" + MARK + "*")) {
      for (Path entry : entries) {
        if (isStale(entry)) {
          stale.add(entry);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      return; // an unreadable folder: the write that follows says what is wrong
    }
    for (Path entry : stale) {
      try {
        deleteRecursively(entry);
      } catch (IOException e) {
        // Someone else's, or in use after all: not ours to insist on.
      }
    }
  }

  /** Whether {@code entry} is a temporary of a bpsim process that is not running any more. */
  static boolean isStale(Path entry) {
    Matcher matcher = NAME.matcher(entry.getFileName().toString());
    if (!matcher.matches()) {
      return false;
    }
    long pid;
    try {
      pid = Long.parseLong(matcher.group(1));
    } catch (NumberFormatException e) {
      return false;
    }
    if (pid == PID) {
      // Ours only if this process made it; else an earlier process that had the same number.
      return !LIVE.contains(entry.toAbsolutePath());
    }
    return ProcessHandle.of(pid).isEmpty();
  }

  /** The longest file name most file systems accept, in bytes. */
  private static final int LONGEST_NAME = 255;

  /**
   * {@code name} cut to at most {@code bytes} bytes of UTF-8, so that a temporary's name fits
   * wherever its target's does (its process id and sequence number take up to 19 digits each).
   */
  private static String within(String name, int bytes) {
    if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= bytes) {
      return name;
    }
    StringBuilder cut = new StringBuilder();
    int used = 0;
    for (int i = 0; i < name.length(); ) {
      int codePoint = name.codePointAt(i);
      int size = new String(Character.toChars(codePoint))
          .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (used + size > bytes) {
        break;
      }
      cut.appendCodePoint(codePoint);
      used += size;
      i += Character.charCount(codePoint);
    }
    return cut.toString();
  }

  private static void refuseWhenShuttingDown() throws IOException {
    if (shuttingDown) {
      throw new OutputWriteException("bpsim is stopping: no new output is started");
    }
  }

  private static void deleteAll() {
    if (runGoesOn.getAsBoolean()) {
      return;
    }
    synchronized (LOCK) {
      shuttingDown = true;
    }
    for (Path path : List.copyOf(LIVE)) {
      try {
        deleteRecursively(path);
      } catch (IOException | RuntimeException e) {
        // Exiting anyway; a later run removes what is left.
      }
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(path);
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (NoSuchFileException e) {
          // gone already
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (NoSuchFileException e) {
      // gone already
    }
  }
}
