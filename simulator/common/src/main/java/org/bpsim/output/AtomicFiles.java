package org.bpsim.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way bpsim writes an output file, so that it never destroys what a path names:
 * <ul>
 *   <li>a regular file or a missing path is written atomically: a temporary file beside it
 *       ({@link Temporaries}), renamed over it at the end, so readers see the old file or the
 *       whole new one, and a failed or interrupted run leaves the old file as it was;</li>
 *   <li>a symbolic link is followed: its target is written, atomically beside the target, and
 *       the link stays a link;</li>
 *   <li>a character device ({@code /dev/null}, a terminal) or a FIFO is written directly, since
 *       renaming over it would replace the device by a file;</li>
 *   <li>a folder, a block device or a socket is refused ({@link OutputTargetException}).</li>
 * </ul>
 * A failure while writing becomes an {@link OutputWriteException} naming the output.
 *
 * <p>A new folder ({@link #createFolder}) is written the same way: whole, in a temporary folder
 * beside it, then renamed into place. Every rename that publishes a finished temporary is
 * {@link #moveIntoPlace}.
 */
public final class AtomicFiles {
  /** Writes the content of one output file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes the content of a new folder into the (temporary) folder it is given. */
  @FunctionalInterface
  public interface FolderContent {
    void writeInto(Path folder) throws IOException;
  }

  /** What a path names, as far as writing it goes. */
  enum Kind { MISSING, REGULAR, DIRECT }

  private static final int TYPE_BITS = 0170000;
  private static final int CHARACTER_DEVICE = 0020000;
  private static final int FIFO = 0010000;
  private static final int MAX_LINKS = 40;
  private static final Set<PosixFilePermission> NEW_FILE =
      PosixFilePermissions.fromString("rw-r--r--");
  private static final CopyOption[] REPLACING = {StandardCopyOption.REPLACE_EXISTING};
  private static final CopyOption[] ATOMIC_REPLACING = {StandardCopyOption.ATOMIC_MOVE,
      StandardCopyOption.REPLACE_EXISTING};
  private static final CopyOption[] ATOMIC = {StandardCopyOption.ATOMIC_MOVE};

  private AtomicFiles() {
  }

  /** Writes {@code text} as UTF-8 to {@code target}. */
  public static void write(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes what {@code content} produces to {@code target}, by the rules above. */
  public static void write(Path target, Content content) throws IOException {
    try (PendingFile pending = begin(target)) {
      try (OutputStream out = pending.open()) {
        content.writeTo(out);
      }
      pending.commit();
    }
  }

  /**
   * Starts writing {@code target}: the caller writes {@link PendingFile#open()} (or the file at
   * {@link PendingFile#path()}), then calls {@link PendingFile#commit()}; closing without commit
   * discards what was written (for a device or FIFO, what was written is gone already).
   */
  public static PendingFile begin(Path target) throws IOException {
    Path destination = resolveLinks(target);
    Kind kind = kind(target, destination);
    if (kind == Kind.DIRECT) {
      return new PendingFile(target.toString(), destination, null);
    }
    Temporaries.removeStale(destination.getParent());
    Set<PosixFilePermission> permissions = permissions(destination, kind);
    Path temporary = Temporaries.createFileBeside(destination);
    try {
      if (permissions != null) {
        // Temporary files are private; the output keeps the permissions of the file it
        // replaces, or is as readable as any new file.
        Files.setPosixFilePermissions(temporary, permissions);
      }
    } catch (IOException | RuntimeException e) {
      Temporaries.delete(temporary);
      throw e;
    }
    return new PendingFile(target.toString(), destination, temporary);
  }

  /**
   * Creates the folder {@code target}, which does not exist yet, holding what {@code content}
   * writes: written whole in a temporary folder beside it ({@link Temporaries}), then renamed
   * into place, so that nobody sees half of it and a failure or an interrupt leaves nothing.
   * The parent folder must exist.
   */
  public static void createFolder(Path target, FolderContent content) throws IOException {
    Path temporary = Temporaries.createFolderBeside(target);
    try {
      content.writeInto(temporary);
      moveIntoPlace(temporary, target, false);
      Temporaries.forget(temporary);
    } finally {
      Temporaries.delete(temporary);
    }
  }

  /**
   * Renames a finished temporary to its final name: atomically, so that readers see the old
   * content or the whole new one; by a plain rename where the file system cannot promise that.
   *
   * @param replace whether an existing {@code destination} is replaced (an output file) or the
   *     rename fails (a new folder)
   */
  static void moveIntoPlace(Path temporary, Path destination, boolean replace)
      throws IOException {
    try {
      Files.move(temporary, destination, replace ? ATOMIC_REPLACING : ATOMIC);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, destination, replace ? REPLACING : new CopyOption[0]);
    }
  }

  /**
   * Refuses, before any work, a target that {@link #begin} would refuse: a folder, a block
   * device or socket, a missing parent folder.
   */
  public static void checkTarget(Path target) throws IOException {
    kind(target, resolveLinks(target));
  }

  /**
   * Refuses to write {@code target} when it is {@code input} (the same file, also through a
   * symbolic or hard link): the output would destroy the input.
   */
  public static void refuseInput(Path target, Path input) throws IOException {
    if (Files.exists(target) && Files.exists(input) && Files.isSameFile(target, input)) {
      throw new OutputTargetException(target + ": is the input " + input
          + "; writing it would destroy it, choose another output");
    }
  }

  /** The file a path finally names, following symbolic links (the last one may dangle). */
  static Path resolveLinks(Path target) throws IOException {
    Path current = target.toAbsolutePath();
    for (int i = 0; i < MAX_LINKS; i++) {
      if (!Files.isSymbolicLink(current)) {
        return current;
      }
      current = current.getParent().resolve(Files.readSymbolicLink(current));
    }
    throw new OutputTargetException(target + ": too many levels of symbolic links");
  }

  static Kind kind(Path target, Path destination) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(destination, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      Path parent = destination.getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new NoSuchFileException(parent.toString(), null,
            "output directory does not exist");
      }
      return Kind.MISSING;
    }
    if (attributes.isRegularFile()) {
      return Kind.REGULAR;
    }
    if (attributes.isDirectory()) {
      throw new OutputTargetException(target + ": is a folder; name a file to write");
    }
    if (isCharacterDeviceOrFifo(destination)) {
      return Kind.DIRECT;
    }
    throw new OutputTargetException(target + ": is neither a file, a character device nor a "
        + "FIFO; name a file to write");
  }

  private static boolean isCharacterDeviceOrFifo(Path path) throws IOException {
    try {
      int type = (Integer) Files.getAttribute(path, "unix:mode") & TYPE_BITS;
      return type == CHARACTER_DEVICE || type == FIFO;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return true; // no unix view: a special file that is not a folder; try writing it
    }
  }

  private static Set<PosixFilePermission> permissions(Path destination, Kind kind)
      throws IOException {
    try {
      return kind == Kind.REGULAR ? Files.getPosixFilePermissions(destination) : NEW_FILE;
    } catch (UnsupportedOperationException e) {
      return null; // not a POSIX file system: keep its defaults
    }
  }
}
