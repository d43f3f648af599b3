package org.bpsim.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a text trace line by line into one reusable byte array, and parses fields in place, so
 * that text formats cost no allocation per line. Lines end at LF; a CR before it is dropped.
 */
public final class LineReader {
  /** The longest line accepted, in bytes without its LF. */
  public static final int MAX_LINE = 1 << 20;

  private final TraceInput input;
  private byte[] line = new byte[256];
  private int length;
  private int cursor;
  private long lineNumber;
  private boolean unterminated;

  public LineReader(TraceInput input) {
    this.input = input;
  }

  public Path path() {
    return input.path();
  }

  /** Advances to the next line; false at the end of the input. */
  public boolean next() throws IOException {
    length = 0;
    cursor = 0;
    int b = input.read();
    if (b < 0) {
      return false;
    }
    lineNumber++;
    while (b >= 0 && b != '\n') {
      if (length == line.length) {
        if (length >= MAX_LINE) {
          throw error("line longer than " + MAX_LINE + " bytes");
        }
        line = java.util.Arrays.copyOf(line, length * 2);
      }
      line[length++] = (byte) b;
      b = input.read();
    }
    unterminated = b < 0;
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return true;
  }

  /**
   * Makes {@code bytes[from, to)} (without its LF) the current line, numbered {@code lineNumber},
   * for parsers that scan their own buffer and hand only the lines they cannot parse themselves
   * to this reader; {@code unterminated} says that the input ended without a LF after it.
   */
  public void load(byte[] bytes, int from, int to, long lineNumber, boolean unterminated) {
    length = to - from;
    cursor = 0;
    if (length > line.length) {
      line = new byte[Math.max(length, line.length * 2)];
    }
    System.arraycopy(bytes, from, line, 0, length);
    this.lineNumber = lineNumber;
    this.unterminated = unterminated;
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
  }

  public long lineNumber() {
    return lineNumber;
  }

  public int length() {
    return length;
  }

  /** The current line as a string (allocates: for headers and messages only). */
  public String text() {
    return new String(line, 0, length, StandardCharsets.ISO_8859_1);
  }

  public boolean startsWith(String prefix) {
    if (prefix.length() > length) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (line[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** True if the line is empty or only whitespace. */
  public boolean isBlank() {
    for (int i = 0; i < length; i++) {
      if (!isSpace(line[i])) {
        return false;
      }
    }
    return true;
  }

  public boolean atEnd() {
    skipSpaces();
    return cursor >= length;
  }

  /** Moves the field cursor to {@code position} in the current line. */
  public void seek(int position) {
    cursor = position;
  }

  /** Skips the next whitespace-separated field. */
  public void skipField() throws TraceFormatException {
    skipSpaces();
    if (cursor >= length) {
      throw error("missing field");
    }
    while (cursor < length && !isSpace(line[cursor])) {
      cursor++;
    }
  }

  /** The next whitespace-separated field as a string (allocates). */
  public String field() throws TraceFormatException {
    skipSpaces();
    if (cursor >= length) {
      throw error("missing field");
    }
    int start = cursor;
    while (cursor < length && !isSpace(line[cursor])) {
      cursor++;
    }
    return new String(line, start, cursor - start, StandardCharsets.ISO_8859_1);
  }

  /** Parses the next field as an unsigned hexadecimal number, with or without {@code 0x}. */
  public long hexField(String what) throws TraceFormatException {
    skipSpaces();
    int start = cursor;
    if (cursor + 1 < length && line[cursor] == '0' && (line[cursor + 1] | 0x20) == 'x') {
      cursor += 2;
    }
    int digitsStart = cursor;
    long value = 0;
    while (cursor < length && !isSpace(line[cursor])) {
      int digit = Character.digit(line[cursor], 16);
      if (digit < 0 || cursor - digitsStart >= 16) {
        throw badValue(what, start);
      }
      value = (value << 4) | digit;
      cursor++;
    }
    if (cursor == digitsStart) {
      throw badValue(what, start);
    }
    return value;
  }

  /** Parses the next field as a non-negative decimal number. */
  public long decimalField(String what) throws TraceFormatException {
    skipSpaces();
    int start = cursor;
    long value = 0;
    while (cursor < length && !isSpace(line[cursor])) {
      int digit = line[cursor] - '0';
      if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
        throw badValue(what, start);
      }
      value = value * 10 + digit;
      cursor++;
    }
    if (cursor == start) {
      throw badValue(what, start);
    }
    return value;
  }

  /** Parses the next field, which must be the single character 0 or 1. */
  public boolean bitField(String what) throws TraceFormatException {
    skipSpaces();
    int start = cursor;
    if (cursor < length && (line[cursor] == '0' || line[cursor] == '1')
        && (cursor + 1 == length || isSpace(line[cursor + 1]))) {
      return line[cursor++] == '1';
    }
    throw badValue(what, start);
  }

  private TraceFormatException badValue(String what, int start) {
    int end = start;
    while (end < length && !isSpace(line[end])) {
      end++;
    }
    String shown = end == start ? "nothing"
        : "'" + new String(line, start, Math.min(end - start, 40), StandardCharsets.ISO_8859_1)
            + "'";
    return error("bad " + what + ": " + shown);
  }

  /**
   * An error located at the current line. A bad last line without its newline is most likely a
   * cut-off file, so the message says so.
   */
  public TraceFormatException error(String problem) {
    return new TraceFormatException(input.path(), "line " + lineNumber, unterminated
        ? problem + " (the file ends in the middle of this line: truncated?)" : problem);
  }

  private void skipSpaces() {
    while (cursor < length && isSpace(line[cursor])) {
      cursor++;
    }
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t';
  }
}
