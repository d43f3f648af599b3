package org.bpsim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a report folder so that nobody ever sees half of one: the files go into a hidden temporary
 * folder beside the target, which is renamed into place at the end. An existing report at the
 * target is replaced only at that moment; anything else at the target is left alone.
 */
public final class ReportFolder {
  /** A folder holding both of these is a report bpsim may replace. */
  private static final String[] REPORT_MARKERS = {"index.html", "results.json"};

  private ReportFolder() {
  }

  /** Writes {@code files} (name to UTF-8 text) as the folder {@code target}. */
  public static void write(Path target, Map<String, String> files) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null) {
      throw new ReportTargetException(target + ": cannot write a report as the root folder");
    }
    checkReplaceable(absolute);
    Files.createDirectories(parent);
    String name = absolute.getFileName().toString();
    Path temporary = freshFolder(parent, "." + name + ".tmp-");
    Files.createDirectory(temporary);
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(temporary.resolve(file.getKey()), file.getValue(),
            StandardCharsets.UTF_8);
      }
      if (Files.exists(absolute)) {
        replace(absolute, temporary, parent, name);
      } else {
        move(temporary, absolute);
      }
    } finally {
      deleteRecursively(temporary);
    }
  }

  private static void checkReplaceable(Path target) throws IOException {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new ReportTargetException(target + ": exists and is not a folder");
    }
    try (Stream<Path> entries = Files.list(target)) {
      if (entries.findAny().isEmpty()) {
        return;
      }
    }
    for (String marker : REPORT_MARKERS) {
      if (!Files.isRegularFile(target.resolve(marker))) {
        throw new ReportTargetException(target + ": exists and is not a bpsim report "
            + "(no " + marker + "); choose another --out or remove it");
      }
    }
  }

  /**
   * Two renames: the old report steps aside, the new one takes its place, then the old one is
   * deleted. Should the second rename fail, the old report is put back.
   */
  private static void replace(Path target, Path fresh, Path parent, String name)
      throws IOException {
    Path old = freshFolder(parent, "." + name + ".old-");
    move(target, old);
    try {
      move(fresh, target);
    } catch (IOException | RuntimeException e) {
      move(old, target);
      throw e;
    }
    deleteRecursively(old);
  }

  /**
   * A name beside the target that nothing uses yet. Not {@code createTempDirectory}: its
   * owner-only permissions would stay on the report after the rename.
   */
  private static Path freshFolder(Path parent, String prefix) {
    String process = Long.toString(ProcessHandle.current().pid());
    for (int attempt = 0; ; attempt++) {
      Path candidate = parent.resolve(prefix + process + "-" + attempt);
      if (!Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return candidate;
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
