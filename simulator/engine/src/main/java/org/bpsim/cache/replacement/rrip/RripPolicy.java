package org.bpsim.cache.replacement.rrip;

import java.util.SplittableRandom;
import org.bpsim.cache.replacement.ReplacementPolicy;

/**
 * Re-reference interval prediction (Jaleel, Theobald, Steely and Emer, ISCA 2010). Each line holds
 * an M-bit re-reference prediction value (RRPV): 0 means "re-referenced soon", 2^M - 1 "in the
 * distant future". A hit predicts a near re-reference (RRPV 0, hit priority). The victim is the
 * first line predicted distant; if there is none, every line in the set ages by one and the
 * search repeats.
 *
 * <p>The variants differ only in the RRPV given to a new line:
 * <ul>
 *   <li>SRRIP inserts at 2^M - 2 ("long"), so a line must prove itself before it outlives a scan;
 *   <li>BRRIP inserts at 2^M - 1 ("distant") except, once in {@code throttle} fills, at
 *       2^M - 2, which keeps part of a thrashing working set;
 *   <li>DRRIP picks between the two by set dueling: a few leader sets always use SRRIP, a few
 *       always BRRIP, and a saturating counter (PSEL) counting their misses steers every other
 *       set to whichever misses less.
 * </ul>
 */
public final class RripPolicy implements ReplacementPolicy {

  /** The insertion rule. */
  public enum Insertion { STATIC, BIMODAL, DYNAMIC }

  /** One leader set of each kind in every this many sets (the paper's 32 leaders per policy). */
  private static final int DUELING_STRIDE = 32;

  private final int ways;
  private final int distant;
  private final byte[] rrpv;
  private final Insertion insertion;
  private final int throttle;
  private final SplittableRandom random;
  private final int pselMax;
  private int psel;

  public RripPolicy(int sets, int ways, int bits, Insertion insertion, int throttle, long seed,
      int pselBits) {
    this.ways = ways;
    this.distant = (1 << bits) - 1;
    this.rrpv = new byte[sets * ways];
    this.insertion = insertion;
    this.throttle = throttle;
    this.random = new SplittableRandom(seed);
    this.pselMax = (1 << pselBits) - 1;
    this.psel = (pselMax + 1) / 2;
    java.util.Arrays.fill(rrpv, (byte) distant);
  }

  @Override
  public void onHit(int set, int way, long block) {
    rrpv[set * ways + way] = 0;
  }

  @Override
  public void onFill(int set, int way, long block) {
    boolean bimodal;
    switch (insertion) {
      case STATIC -> bimodal = false;
      case BIMODAL -> bimodal = true;
      default -> {
        int role = set % DUELING_STRIDE;
        if (role == 0) {
          psel = Math.min(pselMax, psel + 1);   // a miss in an SRRIP leader argues for BRRIP
          bimodal = false;
        } else if (role == DUELING_STRIDE - 1) {
          psel = Math.max(0, psel - 1);         // a miss in a BRRIP leader argues for SRRIP
          bimodal = true;
        } else {
          bimodal = psel > pselMax / 2;
        }
      }
    }
    int inserted = distant - 1;
    if (bimodal && random.nextInt(throttle) != 0) {
      inserted = distant;
    }
    rrpv[set * ways + way] = (byte) Math.max(0, inserted);
  }

  @Override
  public void onInvalidate(int set, int way) {
    rrpv[set * ways + way] = (byte) distant;
  }

  @Override
  public int victim(int set) {
    int base = set * ways;
    while (true) {
      for (int way = 0; way < ways; way++) {
        if (rrpv[base + way] >= distant) {
          return way;
        }
      }
      for (int way = 0; way < ways; way++) {
        rrpv[base + way]++;
      }
    }
  }
}
