package org.bpsim.trace;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZInputStream;

/** How a trace file is compressed, recognised from its first bytes, never from its name. */
public enum Compression {
  NONE(new byte[0]),
  GZIP(new byte[] {0x1f, (byte) 0x8b}),
  XZ(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}),
  BZIP2(new byte[] {'B', 'Z', 'h'});

  private final byte[] magic;

  Compression(byte[] magic) {
    this.magic = magic;
  }

  /** Detects the compression from up to the first six bytes of a file. */
  public static Compression detect(byte[] head, int length) {
    for (Compression compression : new Compression[] {GZIP, XZ, BZIP2}) {
      if (startsWith(head, length, compression.magic)) {
        return compression;
      }
    }
    return NONE;
  }

  private static boolean startsWith(byte[] head, int length, byte[] magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** Wraps a raw stream in the matching decompressor; concatenated members are read through. */
  public InputStream decompress(InputStream raw) throws IOException {
    switch (this) {
      case GZIP:
        return new GZIPInputStream(raw, 1 << 16);
      case XZ:
        return new XZInputStream(raw);
      case BZIP2:
        return new BZip2CompressorInputStream(raw, true);
      default:
        return raw;
    }
  }

  public String displayName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
