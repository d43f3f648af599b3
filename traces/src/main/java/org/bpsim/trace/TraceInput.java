package org.bpsim.trace;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The decompressed bytes of a trace file, buffered, with offsets for error messages. Every failure
 * of the underlying decompressor (truncation, corruption, or a decompressor bug triggered by
 * garbage) surfaces as one {@link TraceFormatException} naming the file and the compressed offset,
 * so readers only deal with their own format's errors.
 */
public final class TraceInput implements AutoCloseable {
  private static final int BUFFER_SIZE = 1 << 16;
  /** Requests at least this large bypass the buffer once it is drained. */
  private static final int DIRECT_READ = 1 << 13;

  private final Path path;
  private final Compression compression;
  private final CountingStream raw;
  private final InputStream decompressed;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int bufferPos;
  private int bufferLimit;
  private long consumedBeforeBuffer;
  private boolean eof;

  private TraceInput(Path path, Compression compression, CountingStream raw,
      InputStream decompressed) {
    this.path = path;
    this.compression = compression;
    this.raw = raw;
    this.decompressed = decompressed;
  }

  /** The path that names standard input: {@code bpsim run -t -}. */
  public static final Path STANDARD_INPUT = Path.of("-");

  /**
   * Opens {@code path}, detecting its compression from its first bytes. Everything is read
   * forward once, so a pipe, a FIFO, standard input ({@link #STANDARD_INPUT}) or a device works
   * as well as a file.
   */
  public static TraceInput open(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      throw new TraceFormatException(path, null, "is a directory, not a trace file");
    }
    InputStream file;
    try {
      if (path.equals(STANDARD_INPUT)) {
        file = new FilterInputStream(System.in) {
          @Override
          public void close() {
            // standard input stays open for whoever else reads it
          }
        };
      } else if (Files.isRegularFile(path)) {
        file = Files.newInputStream(path);
      } else {
        // A channel's stream asks a pipe for its size and position (gzip's available() does),
        // which fails with "Illegal seek"; a FileInputStream asks the pipe what it holds.
        file = new java.io.FileInputStream(path.toFile());
      }
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new TraceFormatException(path, null, Files.exists(path) ? "cannot be read"
          : "no such file");
    }
    CountingStream raw = new CountingStream(new java.io.BufferedInputStream(file, BUFFER_SIZE));
    try {
      raw.mark(8);
      byte[] head = new byte[6];
      int n = raw.readNBytes(head, 0, head.length);
      raw.reset();
      if (n == 0) {
        throw new TraceFormatException(path, "byte 0", "empty file");
      }
      Compression compression = Compression.detect(head, n);
      InputStream decompressed;
      try {
        decompressed = compression.decompress(raw);
      } catch (IOException | RuntimeException e) {
        throw failure(path, compression, raw.count(), e);
      }
      return new TraceInput(path, compression, raw, decompressed);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  public Path path() {
    return path;
  }

  public Compression compression() {
    return compression;
  }

  /** Offset in the decompressed stream of the next byte {@link #read()} returns. */
  public long offset() {
    return consumedBeforeBuffer + bufferPos;
  }

  /** Next byte as 0..255, or -1 at the end of the stream. */
  public int read() throws IOException {
    if (bufferPos == bufferLimit && !fill()) {
      return -1;
    }
    return buffer[bufferPos++] & 0xff;
  }

  /**
   * Reads up to {@code length} bytes, fewer only at the end of the stream. Once the buffer is
   * drained, the rest of a large request goes straight to the decompressor (or the file), which
   * saves copying those bytes twice for readers that take large blocks: {@code .bpt} chunks, the
   * BT9 edge sequence.
   */
  public int readFully(byte[] target, int offset, int length) throws IOException {
    int done = 0;
    while (done < length) {
      if (bufferPos == bufferLimit && length - done >= DIRECT_READ && !eof) {
        consumedBeforeBuffer += bufferLimit;
        bufferPos = 0;
        bufferLimit = 0;
        int n = readDecompressed(target, offset + done, length - done);
        if (n < 0) {
          eof = true;
          break;
        }
        consumedBeforeBuffer += n;
        done += n;
        continue;
      }
      if (bufferPos == bufferLimit && !fill()) {
        break;
      }
      int n = Math.min(length - done, bufferLimit - bufferPos);
      System.arraycopy(buffer, bufferPos, target, offset + done, n);
      bufferPos += n;
      done += n;
    }
    return done;
  }

  /**
   * Returns up to {@code length} upcoming bytes without consuming them (for format detection);
   * {@code length} is at most the buffer size.
   */
  public byte[] peek(int length) throws IOException {
    if (length > BUFFER_SIZE) {
      throw new IllegalArgumentException("peek beyond buffer");
    }
    if (bufferLimit - bufferPos < length && !eof) {
      System.arraycopy(buffer, bufferPos, buffer, 0, bufferLimit - bufferPos);
      consumedBeforeBuffer += bufferPos;
      bufferLimit -= bufferPos;
      bufferPos = 0;
      while (bufferLimit < length && !eof) {
        int n = readDecompressed(buffer, bufferLimit, BUFFER_SIZE - bufferLimit);
        if (n < 0) {
          eof = true;
        } else {
          bufferLimit += n;
        }
      }
    }
    return Arrays.copyOfRange(buffer, bufferPos, bufferPos + Math.min(length,
        bufferLimit - bufferPos));
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    consumedBeforeBuffer += bufferLimit;
    bufferPos = 0;
    bufferLimit = 0;
    while (true) {
      int n = readDecompressed(buffer, 0, BUFFER_SIZE);
      if (n < 0) {
        eof = true;
        return false;
      }
      if (n > 0) {
        bufferLimit = n;
        return true;
      }
    }
  }

  private int readDecompressed(byte[] target, int offset, int length) throws IOException {
    try {
      return decompressed.read(target, offset, length);
    } catch (IOException | RuntimeException e) {
      throw failure(path, compression, raw.count(), e);
    }
  }

  private static TraceFormatException failure(Path path, Compression compression, long offset,
      Exception e) {
    if (e instanceof TraceFormatException) {
      return (TraceFormatException) e;
    }
    String kind = compression == Compression.NONE ? "file" : compression.displayName()
        + " stream";
    // Commons Compress reports a cut bzip2 stream as a plain IOException with this message.
    boolean truncated = e instanceof EOFException
        || "Unexpected end of stream".equals(e.getMessage());
    String problem = truncated
        ? "truncated " + kind
        : "corrupt " + kind + " (" + describe(e) + ")";
    return new TraceFormatException(path, "byte " + offset + " of the file", problem, e);
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName()
        : message.replace('\n', ' ');
  }

  @Override
  public void close() throws IOException {
    try {
      decompressed.close();
    } finally {
      raw.close();
    }
  }

  /** Counts the bytes taken from the file so errors can say where the damage is. */
  private static final class CountingStream extends FilterInputStream {
    private long count;
    private long markCount;

    CountingStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }

    @Override
    public synchronized void mark(int readlimit) {
      super.mark(readlimit);
      markCount = count;
    }

    @Override
    public synchronized void reset() throws IOException {
      super.reset();
      count = markCount;
    }
  }
}
