package org.bpsim.predictor.tage;

/**
 * The predictors' source of randomness (allocation choices, entry protection): a 32-bit xorshift
 * generator with a fixed seed, so that every run of the same trace gives the same result.
 */
public final class SeededRandom implements RandomSource {
  private int state;

  public SeededRandom(int seed) {
    this.state = seed == 0 ? 0x2545F491 : seed;
  }

  @Override
  public int next() {
    int x = state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    state = x;
    return x;
  }

  /** True with probability 1 / 2^{@code log2}. */
  public boolean oneIn(int log2) {
    return (next() & ((1 << log2) - 1)) == 0;
  }
}
