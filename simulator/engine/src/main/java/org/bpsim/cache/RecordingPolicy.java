package org.bpsim.cache;

import java.util.Arrays;
import org.bpsim.cache.replacement.ReplacementPolicy;

/**
 * Wraps a policy and records the block of every request (hit or fill) its cache serves, in order:
 * the future that an oracle policy is given in the next pass.
 */
final class RecordingPolicy implements ReplacementPolicy {
  private final ReplacementPolicy inner;
  private long[] blocks = new long[1024];
  private int size;

  RecordingPolicy(ReplacementPolicy inner) {
    this.inner = inner;
  }

  ReplacementPolicy inner() {
    return inner;
  }

  long[] recorded() {
    return Arrays.copyOf(blocks, size);
  }

  private void record(long block) {
    if (size == blocks.length) {
      if (size == Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("request stream too long to record");
      }
      blocks = Arrays.copyOf(blocks, (int) Math.min(Integer.MAX_VALUE - 8L, size * 2L));
    }
    blocks[size++] = block;
  }

  @Override
  public void onHit(int set, int way, long block) {
    record(block);
    inner.onHit(set, way, block);
  }

  @Override
  public void onFill(int set, int way, long block) {
    record(block);
    inner.onFill(set, way, block);
  }

  @Override
  public void onInvalidate(int set, int way) {
    inner.onInvalidate(set, way);
  }

  @Override
  public int victim(int set) {
    return inner.victim(set);
  }
}
