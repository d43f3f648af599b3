package org.bpsim.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every reader fuzz test checks: bytes go into a file, the reader reads them to the end, and
 * the only failure allowed is the reader's own {@link TraceFormatException}. Reads are bounded so
 * that a small input that decompresses enormously ends the run instead of hanging it.
 */
public final class FuzzTargets {
  /** Branches read before a run is stopped; far more than any seed holds. */
  public static final long MAX_BRANCHES = 1 << 20;
  /** Decompressed bytes read before a run is stopped. */
  public static final long MAX_BYTES = 32L << 20;

  private static Path scratch;

  private FuzzTargets() {
  }

  /** Opens a trace for the fuzz test; throws only what the reader may throw. */
  public interface Opener {
    TraceReader open(Path file) throws IOException;
  }

  /** Writes {@code input} to a scratch file that is reused for every input of the run. */
  public static synchronized Path file(byte[] input, String name) {
    try {
      if (scratch == null) {
        scratch = Files.createTempDirectory("bpsim-fuzz");
        scratch.toFile().deleteOnExit();
      }
      Path file = scratch.resolve(name);
      Files.write(file, input);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fuzz input", e);
    }
  }

  /** Reads the whole trace through {@code opener}; a clean format error is a fine outcome. */
  public static void readAll(byte[] input, String name, Opener opener) throws IOException {
    Path file = file(input, name);
    try (TraceReader reader = opener.open(file)) {
      BranchBatch batch = new BranchBatch(256);
      long branches = 0;
      int n;
      while ((n = reader.read(batch)) > 0 && branches < MAX_BRANCHES) {
        for (int i = 0; i < n; i++) {
          // Touch every field: a reader must never hand out a kind code outside the enum.
          batch.recordAt(i);
        }
        branches += n;
      }
      reader.instructionsRead();
      reader.declaredInstructions();
    } catch (TraceFormatException expected) {
      if (expected.getMessage().indexOf('\n') >= 0) {
        throw new AssertionError("error message is not one line: " + expected.getMessage());
      }
    }
  }
}
