package org.bpsim.predictor.tage;

/**
 * {@code Long.remainderUnsigned(x, d)} for one fixed divisor d, without a division instruction:
 * TAGE picks a branch's first bank as {@code (PC ^ path bits) % NBANK} on every lookup, and two
 * 64-bit divisions per branch cost more than the rest of the hash.
 *
 * <p>x is split into its high and low 32-bit words, whose residues add up (mod d) to x's. The high
 * word of a PC rarely changes from one branch to the next, so its residue is cached; the low word's
 * is the multiply-and-shift reduction of Lemire, Kaser and Kurz ("Faster remainder by direct
 * computation", 2019), exact for every 32-bit value and divisor. Not thread-safe (it caches).
 */
final class FixedModulus {
  private final long divisor;
  /** ceil(2^64 / d), the reciprocal the low-word reduction multiplies by. */
  private final long reciprocal;
  private long cachedHigh;
  private long cachedHighResidue;

  FixedModulus(int divisor) {
    if (divisor < 1) {
      throw new IllegalArgumentException("divisor must be positive: " + divisor);
    }
    this.divisor = divisor;
    this.reciprocal = Long.divideUnsigned(-1L, divisor) + 1;
    this.cachedHigh = 0;
    this.cachedHighResidue = 0;
  }

  /** x mod d, x read as unsigned. */
  int of(long x) {
    long high = x & 0xFFFF_FFFF_0000_0000L;
    if (high != cachedHigh) {
      cachedHigh = high;
      cachedHighResidue = Long.remainderUnsigned(high, divisor);
    }
    long r = cachedHighResidue + lowResidue(x & 0xFFFF_FFFFL);
    return (int) (r >= divisor ? r - divisor : r);
  }

  /** a mod d for {@code 0 <= a < 2^32}: the high 64 bits of (reciprocal * a mod 2^64) * d. */
  private long lowResidue(long a) {
    long fraction = reciprocal * a;
    // unsigned high word of fraction * d, d being positive
    return Math.multiplyHigh(fraction, divisor) + ((fraction >> 63) & divisor);
  }
}
