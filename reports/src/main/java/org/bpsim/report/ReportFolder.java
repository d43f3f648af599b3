package org.bpsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.bpsim.output.AtomicFiles;
import org.bpsim.output.PendingFile;
import org.bpsim.output.Temporaries;

/**
 * Writes a report folder without ever destroying a file that bpsim did not write.
 *
 * <p>bpsim marks each report folder with a {@value #MARKER} file: a format line, then the names
 * of the files bpsim wrote there. Only three targets are accepted: a missing path (the folder is
 * written as a hidden temporary folder beside it, then renamed into place, so nobody sees half of
 * one), an empty folder, and a folder with a valid mark. Anything else, including reports of
 * bpsim versions before the mark, is refused ({@link ReportTargetException}), and
 * {@link #checkTarget} says so before any replay.
 *
 * <p>In an existing folder every file is first written completely beside its final name; only
 * then are they renamed over the old ones, each atomically. Files of the earlier report that this
 * one does not have are removed; files that bpsim did not write (a user's {@code thesis.tex}) are
 * kept. The mark lists, at every moment, each file of bpsim's that may be present.
 */
public final class ReportFolder {
  /** The mark of a folder bpsim wrote; a dot file, so that it stays out of the user's way. */
  public static final String MARKER = ".bpsim-report";
  /** The first line of the mark; anything else is not bpsim's mark. */
  static final String MARKER_FORMAT = "bpsim report folder, format 1: the files bpsim wrote here";

  private ReportFolder() {
  }

  /** Writes {@code files} (name to UTF-8 text) as the folder {@code target}. */
  public static void write(Path target, Map<String, String> files) throws IOException {
    Path absolute = checkTarget(target);
    if (Files.isDirectory(absolute)) {
      update(absolute, files);
    } else {
      create(absolute, files);
    }
  }

  /**
   * Refuses, before any work, a target that {@link #write} would refuse; returns it absolute.
   * Temporaries that an interrupted bpsim left there are removed first.
   */
  public static Path checkTarget(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null) {
      throw new ReportTargetException(target + ": cannot write a report as the root folder");
    }
    Temporaries.removeStale(parent);
    if (!Files.exists(absolute)) {
      if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
        throw new ReportTargetException(target + ": is a symbolic link to nothing");
      }
      return absolute;
    }
    if (!Files.isDirectory(absolute)) {
      throw new ReportTargetException(target + ": exists and is not a folder");
    }
    Temporaries.removeStale(absolute);
    if (isEmpty(absolute) || writtenFiles(absolute).isPresent()) {
      return absolute;
    }
    throw new ReportTargetException(target + ": is not a bpsim report folder (it has no valid "
        + MARKER + " mark; reports of older bpsim versions have none) and is not empty; "
        + "choose another --out, or empty it");
  }

  /**
   * The names listed in {@code folder}'s mark, or empty when it has no valid mark. Names that
   * could lead out of the folder are ignored.
   */
  public static Optional<List<String>> writtenFiles(Path folder) throws IOException {
    Path marker = folder.resolve(MARKER);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      return Optional.empty();
    }
    if (lines.isEmpty() || !lines.get(0).equals(MARKER_FORMAT)) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (String name : lines.subList(1, lines.size())) {
      if (isPlainName(name)) {
        names.add(name);
      }
    }
    return Optional.of(names);
  }

  private static boolean isPlainName(String name) {
    return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.equals(MARKER)
        && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
  }

  private static String marker(Set<String> names) {
    StringBuilder text = new StringBuilder(MARKER_FORMAT).append('\n');
    for (String name : names) {
      text.append(name).append('\n');
    }
    return text.toString();
  }

  /** A new folder: written whole beside the target, then renamed into place. */
  private static void create(Path target, Map<String, String> files) throws IOException {
    Files.createDirectories(target.getParent());
    AtomicFiles.createFolder(target, folder -> {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
      Files.writeString(folder.resolve(MARKER), marker(files.keySet()), StandardCharsets.UTF_8);
    });
  }

  /** An empty or marked folder: bpsim's files replaced one by one, everything else kept. */
  private static void update(Path folder, Map<String, String> files) throws IOException {
    List<String> earlier = writtenFiles(folder).orElse(List.of());
    List<PendingFile> pending = new ArrayList<>();
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        PendingFile next = AtomicFiles.begin(folder.resolve(file.getKey()));
        pending.add(next);
        try (var out = next.open()) {
          out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        }
      }
      // From here on the mark covers the old files and the new ones, whatever stops us.
      Set<String> both = new LinkedHashSet<>(earlier);
      both.addAll(files.keySet());
      AtomicFiles.write(folder.resolve(MARKER), marker(both));
      for (PendingFile next : pending) {
        next.commit();
      }
      for (String name : earlier) {
        Path stale = folder.resolve(name);
        if (!files.containsKey(name)
            && Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(stale);
        }
      }
      AtomicFiles.write(folder.resolve(MARKER), marker(files.keySet()));
    } finally {
      for (PendingFile next : pending) {
        next.close();
      }
    }
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }
}
