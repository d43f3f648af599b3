package org.bpsim.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An output file that is written as a temporary file beside its target and renamed into place by
 * {@link #commit()}, so that readers see nothing or the whole file: the pattern of
 * {@link AtomicOutput}, for content that is streamed over a long time and committed later. The
 * one place to swap for the shared atomic-files helper.
 */
final class PendingFile {
  private final Path target;
  private final Path temporary;

  private PendingFile(Path target, Path temporary) {
    this.target = target;
    this.temporary = temporary;
  }

  /** Creates the (empty) temporary file of {@code target}, whose folder must exist. */
  static PendingFile create(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    // The random part makes the temporary name longer than the target's: a prefix of the
    // target's name keeps it within the file system's limit whenever the target's name is.
    String name = absolute.getFileName().toString();
    Path temporary = Files.createTempFile(absolute.getParent(),
        "." + name.substring(0, Math.min(name.length(), 64)), ".tmp");
    try {
      // Temporary files are private; the result should be as readable as any other output.
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep its defaults
    }
    return new PendingFile(absolute, temporary);
  }

  Path target() {
    return target;
  }

  /** A stream writing the temporary file; close it before {@link #commit()}. */
  OutputStream open() throws IOException {
    return Files.newOutputStream(temporary);
  }

  /** Renames the temporary file over the target. */
  void commit() throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Removes the temporary file; the target is untouched. Never throws. */
  void discard() {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // nothing more can be done; a stray hidden .tmp file is all that is left
    }
  }
}
