package org.bpsim.trace.memory;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.trace.LineReader;
import org.bpsim.trace.TraceInput;

/**
 * Reads the plain memory-trace format of cache-simulator course projects: one data access a line,
 * {@code r <address-hex>} for a read or {@code w <address-hex>} for a write (either case, with or
 * without {@code 0x}). Blank lines and lines starting with {@code #} are skipped. The format says
 * nothing about access sizes, so every access is reported with size 0.
 */
public final class PlainMemoryTraceReader implements DataAccessReader {
  private static final String[] READ_PREFIXES = {"r ", "r\t", "R ", "R\t"};
  private static final String[] WRITE_PREFIXES = {"w ", "w\t", "W ", "W\t"};

  private final TraceInput input;
  private final LineReader lines;
  private long accesses;
  private boolean finished;

  public PlainMemoryTraceReader(TraceInput input) {
    this.input = input;
    this.lines = new LineReader(input);
  }

  /** Whether the first bytes look like this format: the first non-blank line is {@code r|w hex}. */
  public static boolean plausible(byte[] head) {
    int i = 0;
    while (i < head.length && (head[i] == '\n' || head[i] == '\r' || head[i] == ' '
        || head[i] == '\t')) {
      i++;
    }
    if (i + 2 >= head.length) {
      return false;
    }
    int op = head[i] | 0x20;
    if ((op != 'r' && op != 'w') || (head[i + 1] != ' ' && head[i + 1] != '\t')) {
      return false;
    }
    i += 1;
    while (i < head.length && (head[i] == ' ' || head[i] == '\t')) {
      i++;
    }
    return i < head.length && Character.digit(head[i], 16) >= 0;
  }

  @Override
  public int read(DataAccessBatch batch) throws IOException {
    batch.clear();
    while (!finished && !batch.isFull()) {
      if (!lines.next()) {
        finished = true;
        break;
      }
      if (lines.isBlank() || lines.startsWith("#")) {
        continue;
      }
      boolean write = operation();
      long address = lines.hexField("address (expected hexadecimal)");
      if (!lines.atEnd()) {
        throw lines.error("expected 'r <address-hex>' or 'w <address-hex>', found more fields");
      }
      batch.add(address, write, 0);
      accesses++;
    }
    return batch.size();
  }

  /** Decides read or write from the first column without allocating (this runs per line). */
  private boolean operation() throws IOException {
    if (startsWithAny(READ_PREFIXES)) {
      lines.seek(1);
      return false;
    }
    if (startsWithAny(WRITE_PREFIXES)) {
      lines.seek(1);
      return true;
    }
    String op = lines.field();
    throw lines.error("bad operation '" + (op.length() > 20 ? op.substring(0, 20) + "..." : op)
        + "' (expected r or w)");
  }

  private boolean startsWithAny(String[] prefixes) {
    for (String prefix : prefixes) {
      if (lines.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Path path() {
    return input.path();
  }

  @Override
  public long accessesRead() {
    return accesses;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
