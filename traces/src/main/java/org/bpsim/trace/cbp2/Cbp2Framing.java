package org.bpsim.trace.cbp2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceInput;

/**
 * How the CBP-2 kit's byte stream splits into records, without decoding them. Each record starts
 * with one byte:
 *
 * <ul>
 *   <li>{@code 0x00-0x07}: the branch is slot n of the predicted set of the recent-branch table;
 *   <li>{@code 0x08-0x0f}: the same, and a return's target is the top of the return stack;
 *   <li>{@code 0x10-0x7f}: a full 9-byte record: this code, then the little-endian 32-bit branch
 *       address and 32-bit target;
 *   <li>{@code 0x82} / {@code 0x83}: a one-byte prefix saying the return stack's prediction is 2
 *       too low / 3 too high (x86 calls of other lengths than the stack assumes), followed by the
 *       record it applies to.
 * </ul>
 *
 * The upper nibble of a full record's code is the branch kind ({@link Cbp2Reader}), the lower
 * nibble the x86 condition code of a conditional branch.
 */
final class Cbp2Framing {
  static final int TABLE_HITS = 2 * RecentBranchTable.WAYS;
  static final int FULL_RECORD_BYTES = 9;
  static final int LAST_FULL_CODE = 0x7f;
  static final int RETURN_TARGET_PLUS_2 = 0x82;
  static final int RETURN_TARGET_MINUS_3 = 0x83;

  private Cbp2Framing() {
  }

  static boolean isFix(int firstByte) {
    return firstByte == RETURN_TARGET_PLUS_2 || firstByte == RETURN_TARGET_MINUS_3;
  }

  /** Bytes of the record this byte opens, not counting a fix prefix; 0 if it opens none. */
  static int recordBytes(int firstByte) {
    if (firstByte < TABLE_HITS) {
      return 1;
    }
    if (firstByte <= LAST_FULL_CODE) {
      return FULL_RECORD_BYTES;
    }
    return 0;
  }

  /**
   * Whether {@code head}, the first decompressed bytes of a file, frames as a CBP-2 stream. The
   * first record must be a full one, since the recent-branch table starts empty; a record cut by
   * the end of {@code head} is fine.
   */
  static boolean plausible(byte[] head) {
    if (head.length == 0 || recordBytes(head[0] & 0xff) != FULL_RECORD_BYTES) {
      return false;
    }
    int at = 0;
    while (at < head.length) {
      int first = head[at] & 0xff;
      if (isFix(first)) {
        at++;
        if (at == head.length) {
          return true;
        }
        first = head[at] & 0xff;
      }
      int bytes = recordBytes(first);
      if (bytes == 0) {
        return false;
      }
      at += bytes;
    }
    return true;
  }

  /**
   * Counts the records of a whole stream, checking its framing on the way.
   *
   * @throws TraceFormatException at the first byte that opens no record or a record cut short
   */
  static long countRecords(TraceInput input) throws IOException {
    long records = 0;
    while (true) {
      long start = input.offset();
      int first = input.read();
      if (first < 0) {
        return records;
      }
      if (isFix(first)) {
        first = input.read();
        if (first < 0) {
          throw truncated(input.path(), start, "ends after a return-target fix byte");
        }
        if (recordBytes(first) == 0) {
          throw badByte(input.path(), start + 1, first, "after a return-target fix byte");
        }
      } else if (recordBytes(first) == 0) {
        throw badByte(input.path(), start, first, "");
      }
      for (int i = 1; i < recordBytes(first); i++) {
        if (input.read() < 0) {
          throw truncated(input.path(), start, "the last record has " + i + " of its "
              + FULL_RECORD_BYTES + " bytes");
        }
      }
      records++;
    }
  }

  static TraceFormatException truncated(Path path, long offset, String problem) {
    return new TraceFormatException(path, "decompressed byte " + offset,
        "truncated CBP-2 trace: " + problem);
  }

  static TraceFormatException badByte(Path path, long offset, int value, String context) {
    return new TraceFormatException(path, "decompressed byte " + offset, String.format(Locale.ROOT,
        "corrupt CBP-2 trace: byte 0x%02x %sopens no record (expected a table hit 0x00-0x0f, "
            + "a record code 0x10-0x7f or a return-target fix 0x82/0x83)", value,
        context.isEmpty() ? "" : context + " "));
  }
}
