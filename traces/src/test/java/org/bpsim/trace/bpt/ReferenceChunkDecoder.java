package org.bpsim.trace.bpt;

import org.bpsim.trace.BranchBatch;

/**
 * The {@code .bpt} chunk decoder as first written: every check in the order a reader meets the
 * bytes, one field at a time. The fast decoder must agree with it on every input, valid or not,
 * including the offset it blames.
 */
final class ReferenceChunkDecoder {
  private ReferenceChunkDecoder() {
  }

  static int decode(byte[] payload, int length, int count, long basePosition,
      BranchBatch batch) {
    if (payload.length < length + BptChunkCodec.PADDING) {
      throw new IllegalArgumentException("payload array needs " + BptChunkCodec.PADDING + " bytes of padding");
    }
    batch.clear();
    long[] pcs = batch.pc;
    long[] targets = batch.target;
    byte[] kinds = batch.kind;
    boolean[] takens = batch.taken;
    long[] positions = batch.position;
    if (length < 1 || payload[0] < 0 || payload[0] > BptChunkCodec.MAX_ALIGNMENT_SHIFT) {
      return 0;
    }
    int align = payload[0];
    int at = 1;
    long pc = 0;
    long position = basePosition;
    for (int i = 0; i < count; i++) {
      if (at >= length) {
        return at;
      }
      int head = payload[at++] & 0xff;
      int kind = head & 7;
      if (kind > 6) {
        return at - 1;
      }
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
          return at;
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
            return at;
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
            return at;
          }
        }
        gap = value + 8;
        if (gap < 8) {
          return at;
        }
      }
      if (at > length) {
        return length;
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
}
