package org.bpsim.replay;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.bpsim.error.UserException;
import org.bpsim.trace.BranchBatch;

/**
 * The misprediction list format, shared by {@code bpsim run --mispredictions} and the
 * championship reference files: gzip-compressed text, one line per mispredicted conditional
 * branch, {@code <index> <pc> <taken>} as C's {@code printf("%d %x %d\n")} writes them (index in
 * decimal, pc in lower-case hex without {@code 0x}, taken 0 or 1, single spaces, LF), in
 * increasing index order. The index counts every conditional branch of the trace from 0.
 */
public final class MispredictionList {
  /** The longest line: a 19-digit index, 16 hex digits, the outcome, two spaces and LF. */
  static final int LONGEST_LINE = 19 + 1 + 16 + 1 + 1 + 1;
  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private MispredictionList() {
  }

  /** The line of one misprediction, without its LF; for messages, not for the hot path. */
  public static String line(long index, long pc, boolean taken) {
    return index + " " + Long.toHexString(pc) + (taken ? " 1" : " 0");
  }

  /**
   * Formats the lines of one batch at a time into a buffer of its own and hands them to a
   * stream in large writes: nothing is allocated per line.
   */
  public static final class Writer {
    private final OutputStream out;
    private final byte[] text = new byte[1 << 16];
    private int length;

    /** {@code out} receives the text; compressing it is the caller's choice. */
    public Writer(OutputStream out) {
      this.out = out;
    }

    /** Writes the lines of {@code entries[0, count)} of {@code batch}: see MispredictionSink. */
    public void write(BranchBatch batch, int[] entries, long[] indices, int count)
        throws IOException {
      long[] pc = batch.pc;
      boolean[] taken = batch.taken;
      for (int k = 0; k < count; k++) {
        if (length > text.length - LONGEST_LINE) {
          out.write(text, 0, length);
          length = 0;
        }
        int entry = entries[k];
        length = append(text, length, indices[k], pc[entry], taken[entry]);
      }
      out.write(text, 0, length);
      length = 0;
    }

    /** Appends {@code "<index> <pc-hex> <taken>\n"} at {@code at}; returns the new length. */
    static int append(byte[] text, int at, long index, long pc, boolean taken) {
      int digits = 1;
      for (long rest = index / 10; rest != 0; rest /= 10) {
        digits++;
      }
      long rest = index;
      for (int d = digits - 1; d >= 0; d--) {
        text[at + d] = (byte) ('0' + (int) (rest % 10));
        rest /= 10;
      }
      at += digits;
      text[at++] = ' ';
      int nibbles = Math.max(1, (64 - Long.numberOfLeadingZeros(pc) + 3) / 4);
      for (int d = nibbles - 1; d >= 0; d--) {
        text[at++] = HEX[(int) (pc >>> (4 * d)) & 0xf];
      }
      text[at++] = ' ';
      text[at++] = (byte) (taken ? '1' : '0');
      text[at++] = '\n';
      return at;
    }
  }

  /**
   * Reads a list line by line, strictly: each line is {@code <index> <pc> <taken>} with a
   * decimal index (no sign, no leading zero), 1 to 16 hex digits of pc (either case), taken
   * {@code 0} or {@code 1}, single spaces, ended by LF (CR LF is accepted; the last line may
   * lack its end), and the indices strictly increase. Anything else is a {@link UserException}
   * naming the file and line. Nothing is allocated per line.
   */
  public static final class Reader implements Closeable {
    private final String name;
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int filled;
    private int at;
    private long lineNumber;
    private long index = -1;
    private long pc;
    private boolean taken;

    /** Reads the text of a list (already decompressed) that messages call {@code name}. */
    public Reader(String name, InputStream text) {
      this.name = name;
      this.in = text;
    }

    /**
     * Opens a gzip-compressed list file; a file that is not gzip is refused with a
     * {@link UserException} naming it.
     */
    public static Reader open(Path file) throws IOException {
      InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      try {
        raw.mark(2);
        int first = raw.read();
        int second = raw.read();
        raw.reset();
        if (first != 0x1f || second != 0x8b) {
          throw new UserException(file + ": not a gzip file (a misprediction list is "
              + "gzip-compressed text)");
        }
        return new Reader(file.toString(), new GZIPInputStream(raw, 1 << 16));
      } catch (ZipException | EOFException e) {
        raw.close();
        throw new UserException(file + ": not a valid gzip file: " + e.getMessage());
      } catch (IOException | RuntimeException e) {
        raw.close();
        throw e;
      }
    }

    /** Moves to the next line; false at the end of the list. */
    public boolean next() throws IOException {
      int b = read();
      if (b < 0) {
        return false;
      }
      lineNumber++;
      long previous = index;
      long value = 0;
      int digits = 0;
      while (b >= '0' && b <= '9') {
        if (digits == 1 && value == 0) {
          throw malformed("the index has a leading zero");
        }
        if (value > (Long.MAX_VALUE - (b - '0')) / 10) {
          throw malformed("the index is too large");
        }
        value = value * 10 + (b - '0');
        digits++;
        b = read();
      }
      if (digits == 0) {
        throw malformed("expected a decimal index at the start of the line, found " + found(b));
      }
      if (b != ' ') {
        throw malformed("expected one space after the index, found " + found(b));
      }
      b = read();
      long address = 0;
      int nibbles = 0;
      int nibble;
      while ((nibble = hexValue(b)) >= 0) {
        if (++nibbles > 16) {
          throw malformed("the pc has more than 16 hex digits");
        }
        address = address << 4 | nibble;
        b = read();
      }
      if (nibbles == 0) {
        throw malformed("expected the pc in hex after the index, found " + found(b));
      }
      if ((b == 'x' || b == 'X') && nibbles == 1 && address == 0) {
        throw malformed("the pc is written without 0x");
      }
      if (b != ' ') {
        throw malformed("expected one space after the pc, found " + found(b));
      }
      b = read();
      if (b != '0' && b != '1') {
        throw malformed("expected the outcome, 0 or 1, after the pc, found " + found(b));
      }
      boolean outcome = b == '1';
      b = read();
      if (b == '\r') {
        b = read();
        if (b != '\n') {
          throw malformed("a CR not followed by LF");
        }
      } else if (b >= 0 && b != '\n') {
        throw malformed("expected the end of the line after the outcome, found " + found(b));
      }
      if (value <= previous) {
        throw malformed("index " + value + " does not follow index " + previous
            + " (indices must increase)");
      }
      index = value;
      pc = address;
      taken = outcome;
      return true;
    }

    /** The current line's index among the trace's conditional branches. */
    public long index() {
      return index;
    }

    public long pc() {
      return pc;
    }

    public boolean taken() {
      return taken;
    }

    /** The current line's number, from 1. */
    public long lineNumber() {
      return lineNumber;
    }

    /** The current line in its canonical form, for messages. */
    public String line() {
      return MispredictionList.line(index, pc, taken);
    }

    public String name() {
      return name;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    private UserException malformed(String what) {
      return new UserException(name + ": line " + lineNumber + ": " + what);
    }

    /** A byte as a message shows it. */
    private static String found(int b) {
      if (b < 0) {
        return "the end of the file";
      }
      if (b == '\n') {
        return "the end of the line";
      }
      if (b == ' ') {
        return "a space";
      }
      return b > ' ' && b < 0x7f ? "'" + (char) b + "'"
          : String.format(java.util.Locale.ROOT, "byte 0x%02x", b);
    }

    private static int hexValue(int b) {
      if (b >= '0' && b <= '9') {
        return b - '0';
      }
      if (b >= 'a' && b <= 'f') {
        return b - 'a' + 10;
      }
      if (b >= 'A' && b <= 'F') {
        return b - 'A' + 10;
      }
      return -1;
    }

    private int read() throws IOException {
      if (at == filled) {
        int n;
        try {
          n = in.read(buffer, 0, buffer.length);
        } catch (ZipException | EOFException e) {
          throw new UserException(name + ": corrupt gzip data after line " + lineNumber + ": "
              + e.getMessage());
        }
        if (n <= 0) {
          return -1;
        }
        filled = n;
        at = 0;
      }
      return buffer[at++] & 0xff;
    }
  }
}
