package org.bpsim.trace.bpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.BranchRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chunk decoder defers its checks to the end of each record; these properties hold it to the
 * straightforward decoder ({@link ReferenceChunkDecoder}) on valid, damaged and random payloads.
 */
final class BptChunkCodecTest {
  static LongStream seeds() {
    return LongStream.range(0, 400).map(i -> 0xc0deL * 97 + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void decodesExactlyAsTheReferenceDecoderOnValidAndDamagedChunks(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<BranchRecord> branches = BptRoundTripTest.randomBranches(seed, random.nextInt(1, 300));
    BranchBatch batch = new BranchBatch(branches.size());
    for (BranchRecord b : branches) {
      batch.add(b.pc(), b.target(), b.kind(), b.taken(), b.position());
    }
    byte[] payload = new byte[branches.size() * BptLayout.MAX_RECORD_BYTES
        + BptChunkCodec.PADDING];
    int length = BptChunkCodec.encode(batch, 0, branches.size(), 0, payload);
    assertSameDecoding(seed, payload, length, branches.size());
    // damage: flipped bytes, a cut, a wrong count, random padding
    for (int trial = 0; trial < 8; trial++) {
      byte[] damaged = payload.clone();
      int flips = random.nextInt(1, 4);
      for (int f = 0; f < flips; f++) {
        damaged[random.nextInt(length)] ^= (byte) (1 << random.nextInt(8));
      }
      for (int i = length; i < damaged.length; i++) {
        damaged[i] = (byte) random.nextInt(256);
      }
      int cut = random.nextInt(4) == 0 ? random.nextInt(1, length + 1) : length;
      int count = random.nextInt(4) == 0 ? random.nextInt(1, branches.size() + 5)
          : branches.size();
      assertSameDecoding(seed, damaged, cut, Math.min(count, branches.size() + 4));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void decodesRandomBytesExactlyAsTheReferenceDecoder(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int length = random.nextInt(1, 200);
    byte[] payload = new byte[length + BptChunkCodec.PADDING];
    for (int i = 0; i < payload.length; i++) {
      // mostly small bytes, so that records get some way before they stop making sense
      payload[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : random.nextInt(0x40));
    }
    payload[0] = (byte) random.nextInt(8);
    assertSameDecoding(seed, payload, length, random.nextInt(1, 60));
  }

  private static void assertSameDecoding(long seed, byte[] payload, int length, int count) {
    BranchBatch fast = new BranchBatch(count);
    BranchBatch reference = new BranchBatch(count);
    int expected = ReferenceChunkDecoder.decode(payload, length, count, 0, reference);
    int actual = BptChunkCodec.decode(payload, length, count, 0, fast);
    String where = "seed " + seed + ", length " + length + ", count " + count;
    assertEquals(expected, actual, where);
    assertEquals(reference.size(), fast.size(), where);
    assertArrayEquals(reference.pc, fast.pc, where);
    assertArrayEquals(reference.target, fast.target, where);
    assertArrayEquals(reference.kind, fast.kind, where);
    assertArrayEquals(reference.taken, fast.taken, where);
    assertArrayEquals(reference.position, fast.position, where);
  }
}
