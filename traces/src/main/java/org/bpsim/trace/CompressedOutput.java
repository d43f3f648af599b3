package org.bpsim.trace;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Opens a file for writing through the compressor {@link Compression} names. */
public final class CompressedOutput {
  private static final int BUFFER_SIZE = 1 << 16;

  private CompressedOutput() {
  }

  /** A buffered stream that compresses into {@code path}; closing it finishes the file. */
  public static OutputStream open(Path path, Compression compression) throws IOException {
    OutputStream file = new BufferedOutputStream(Files.newOutputStream(path), BUFFER_SIZE);
    try {
      return wrap(file, compression);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  /** Compresses into {@code raw}; closing the result closes {@code raw}. */
  public static OutputStream wrap(OutputStream raw, Compression compression) throws IOException {
    switch (compression) {
      case GZIP:
        return new BufferedOutputStream(new GZIPOutputStream(raw, BUFFER_SIZE), BUFFER_SIZE);
      case XZ:
        // Preset 6 needs 8 MB dictionaries; traces written by tests are small, so keep it light.
        return new BufferedOutputStream(new XZOutputStream(raw, new LZMA2Options(3)),
            BUFFER_SIZE);
      case BZIP2:
        return new BufferedOutputStream(new BZip2CompressorOutputStream(raw), BUFFER_SIZE);
      default:
        return raw;
    }
  }
}
