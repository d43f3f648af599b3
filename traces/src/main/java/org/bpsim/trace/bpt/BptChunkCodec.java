package org.bpsim.trace.bpt;

import org.bpsim.trace.BranchBatch;

/**
 * Encodes and decodes one chunk's payload. Each chunk starts from a known state (previous pc 0,
 * previous position given in the chunk header), so chunks decode independently of each other.
 */
public final class BptChunkCodec {
  /** Alignments up to 64 bytes are used; more gains nothing on real code. */
  static final int MAX_ALIGNMENT_SHIFT = 6;

  /** Bytes a payload array must have beyond its content: one whole record at most. */
  public static final int PADDING = BptLayout.MAX_RECORD_BYTES;
  private BptChunkCodec() {
  }

  /**
   * Encodes branches {@code [from, to)} of a batch into {@code out} (which must hold
   * {@code (to - from) * MAX_RECORD_BYTES} bytes) and returns the number of bytes written.
   */
  public static int encode(BranchBatch batch, int from, int to, long basePosition, byte[] out) {
    // Addresses aligned to 2^k (4-byte instructions) lose k zero bits before encoding, which
    // makes most deltas one byte shorter.
    long bits = 0;
    for (int i = from; i < to; i++) {
      bits |= batch.pc[i] | batch.target[i];
    }
    int shift = Math.min(MAX_ALIGNMENT_SHIFT, Long.numberOfTrailingZeros(bits));
    out[0] = (byte) shift;
    int at = 1;
    long previousPc = 0;
    long previousPosition = basePosition;
    for (int i = from; i < to; i++) {
      long pc = batch.pc[i];
      long target = batch.target[i];
      long gap = batch.position[i] - previousPosition;
      if (gap < 1) {
        throw new IllegalArgumentException("positions must increase: " + batch.position[i]
            + " after " + previousPosition);
      }
      int head = batch.kind[i];
      if (batch.taken[i]) {
        head |= BptLayout.TAKEN;
      }
      if (target != 0) {
        head |= BptLayout.HAS_TARGET;
      }
      head |= (int) Math.min(gap - 1, BptLayout.GAP_ESCAPE) << BptLayout.GAP_SHIFT;
      out[at++] = (byte) head;
      at = putVarint(out, at, zigzag((pc - previousPc) >> shift));
      if (target != 0) {
        at = putVarint(out, at, zigzag((target - pc) >> shift));
      }
      if (gap - 1 >= BptLayout.GAP_ESCAPE) {
        at = putVarint(out, at, gap - 8);
      }
      previousPc = pc;
      previousPosition = batch.position[i];
    }
    return at;
  }

  /**
   * Decodes {@code count} records from {@code payload[0, length)} into {@code batch}, which is
   * cleared first and must have room for them. The array must extend at least {@link #PADDING}
   * bytes past {@code length} (their content does not matter): a record, even one that starts at
   * {@code length}, is then decoded without a bounds check per byte, and checked once it is
   * complete.
   *
   * @return -1 on success, otherwise the payload offset at which the records stopped making sense
   */
  public static int decode(byte[] payload, int length, int count, long basePosition,
      BranchBatch batch) {
    if (payload.length < length + PADDING) {
      throw new IllegalArgumentException("payload array needs " + PADDING + " bytes of padding");
    }
    batch.clear();
    long[] pcs = batch.pc;
    long[] targets = batch.target;
    byte[] kinds = batch.kind;
    boolean[] takens = batch.taken;
    long[] positions = batch.position;
    if (length < 1 || payload[0] < 0 || payload[0] > MAX_ALIGNMENT_SHIFT) {
      return 0;
    }
    int align = payload[0];
    int at = 1;
    long pc = 0;
    long position = basePosition;
    // The varint reads are written out three times on purpose: this loop is the decoder's whole
    // cost, and the one-byte case must not pay for a call or a loop. Every check that a record
    // makes sense waits until it is complete, so a valid record passes one test, not four, and
    // failure() works out which check failed first.
    for (int i = 0; i < count; i++) {
      int headAt = at;
      int head = payload[at++] & 0xff;
      int b = payload[at++];
      long value = b;
      if (b < 0) {
        value &= 0x7f;
        int shift = 7;
        do {
          b = payload[at++];
          value |= (long) (b & 0x7f) << shift;
          shift += 7;
        } while (b < 0 && shift < 70);
        if (b < 0) {
          return failure(headAt, head, at, length);
        }
      }
      pc += ((value >>> 1) ^ -(value & 1)) << align;
      long target = 0;
      if ((head & BptLayout.HAS_TARGET) != 0) {
        b = payload[at++];
        value = b;
        if (b < 0) {
          value &= 0x7f;
          int shift = 7;
          do {
            b = payload[at++];
            value |= (long) (b & 0x7f) << shift;
            shift += 7;
          } while (b < 0 && shift < 70);
          if (b < 0) {
            return failure(headAt, head, at, length);
          }
        }
        target = pc + (((value >>> 1) ^ -(value & 1)) << align);
      }
      long gap = (head >>> BptLayout.GAP_SHIFT) + 1;
      if (gap > BptLayout.GAP_ESCAPE) {
        b = payload[at++];
        value = b;
        if (b < 0) {
          value &= 0x7f;
          int shift = 7;
          do {
            b = payload[at++];
            value |= (long) (b & 0x7f) << shift;
            shift += 7;
          } while (b < 0 && shift < 70);
          if (b < 0) {
            return failure(headAt, head, at, length);
          }
        }
        gap = value + 8;
        if (gap < 8) {
          return failure(headAt, head, at, length);
        }
      }
      int kind = head & 7;
      if (at > length | kind > 6) {
        return failure(headAt, head, length, length);
      }
      position += gap;
      pcs[i] = pc;
      targets[i] = target;
      kinds[i] = (byte) kind;
      takens[i] = (head & BptLayout.TAKEN) != 0;
      positions[i] = position;
    }
    batch.setSize(count);
    return at == length ? -1 : at;
  }

  /**
   * Where the record at {@code headAt} stopped making sense, given that a check failed at
   * {@code at}: the checks count in the order a reader meets them, so a record that starts past
   * the payload or has a bad kind is blamed at its head even when a later field is bad too.
   */
  private static int failure(int headAt, int head, int at, int length) {
    if (headAt >= length || (head & 7) > 6) {
      return headAt;
    }
    return at;
  }

  static long zigzag(long value) {
    return (value << 1) ^ (value >> 63);
  }

  static int putVarint(byte[] out, int at, long value) {
    while ((value & ~0x7fL) != 0) {
      out[at++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out[at++] = (byte) value;
    return at;
  }
}
