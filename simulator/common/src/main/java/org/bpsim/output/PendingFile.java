package org.bpsim.output;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One output being written by {@link AtomicFiles#begin}: into a temporary file beside the
 * destination that {@link #commit()} renames over it, or, for a device or FIFO, straight into
 * the destination.
 */
public final class PendingFile implements Closeable {
  private static final int BUFFER = 1 << 16;

  private final String name;
  private final Path destination;
  private final Path temporary;
  private boolean committed;

  PendingFile(String name, Path destination, Path temporary) {
    this.name = name;
    this.destination = destination;
    this.temporary = temporary;
  }

  /** Where the content goes: the temporary file, or the device itself. */
  public Path path() {
    return temporary == null ? destination : temporary;
  }

  /** The file this output replaces or creates (a link's target is the file written). */
  public Path destination() {
    return destination;
  }

  /** {@link #close()} for a caller that is already failing: never throws. */
  public void discard() {
    try {
      close();
    } catch (IOException e) {
      // a stray temporary is all that is left, and the next run removes it
    }
  }

  /**
   * A buffered stream to {@link #path()}; a failure to write, flush or close it is an
   * {@link OutputWriteException} naming the output. Closing a temporary file's stream also
   * forces its content to the disk, so that the rename never publishes an empty file.
   */
  public OutputStream open() throws IOException {
    try {
      if (temporary == null) {
        return guarded(new BufferedOutputStream(Files.newOutputStream(destination,
            StandardOpenOption.WRITE), BUFFER));
      }
      FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
      OutputStream file = new FilterOutputStream(Channels.newOutputStream(channel)) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          try (channel) {
            channel.force(true);
          }
        }
      };
      return guarded(new BufferedOutputStream(file, BUFFER));
    } catch (OutputWriteException e) {
      throw e;
    } catch (IOException e) {
      throw new OutputWriteException(name, e);
    }
  }

  /** Puts the written content in place: the rename over the destination, if atomic. */
  public void commit() throws IOException {
    if (temporary != null) {
      try {
        AtomicFiles.moveIntoPlace(temporary, destination, true);
      } catch (IOException e) {
        throw new OutputWriteException(name, e);
      }
      Temporaries.forget(temporary);
    }
    committed = true;
  }

  /** Discards the temporary file unless {@link #commit()} put it in place. */
  @Override
  public void close() throws IOException {
    if (temporary != null && !committed) {
      Temporaries.delete(temporary);
    }
  }

  private OutputStream guarded(OutputStream stream) {
    return new FilterOutputStream(stream) {
      @Override
      public void write(int b) throws IOException {
        try {
          out.write(b);
        } catch (IOException e) {
          throw wrapped(e);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          out.write(b, off, len);
        } catch (IOException e) {
          throw wrapped(e);
        }
      }

      @Override
      public void flush() throws IOException {
        try {
          out.flush();
        } catch (IOException e) {
          throw wrapped(e);
        }
      }

      @Override
      public void close() throws IOException {
        try {
          out.close();
        } catch (IOException e) {
          throw wrapped(e);
        }
      }
    };
  }

  private IOException wrapped(IOException e) {
    return e instanceof OutputWriteException ? e : new OutputWriteException(name, e);
  }
}
