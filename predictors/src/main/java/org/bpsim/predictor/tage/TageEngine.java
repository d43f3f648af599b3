package org.bpsim.predictor.tage;

import org.bpsim.predictor.common.FoldedHistory;
import org.bpsim.predictor.common.SaturatingCounters;
import org.bpsim.predictor.spi.BranchKind;

/**
 * TAGE (Seznec and Michaud, "A case for (partially) TAgged GEometric history length branch
 * prediction", JILP 2006) exactly as in Seznec's CBP-2016 TAGE-SC-L submissions (the 64 KB and the
 * 8 KB one): a bimodal base predictor with hysteresis shared between entries, and tagged tables
 * indexed with geometrically longer global histories. The longest matching table (the provider,
 * HitBank) predicts, unless its entry looks newly allocated and the USE_ALT_ON_NA counters say the
 * alternate prediction (AltBank) is better then.
 *
 * <p>The steps keep the names of his code: {@code gindex} and {@code gtag} hash a table's index
 * and tag, {@code F} mixes the path history into an index, {@link #random()} is his
 * {@code MYRANDOM}, {@link #update} allocates and trains as his {@code UpdatePredictor} does and
 * {@link #updateHistory} is his {@code HistoryUpdate}. The two submissions differ in more than
 * sizes; {@link TageConfig#protectNewEntries()} selects the 8 KB one's code (its hashes, its
 * allocation that protects some new entries, its u aging), otherwise the 64 KB one's.
 *
 * <p>What is cached, for speed, without changing a single result: the folded histories are kept
 * by {@link FoldedHistory}, several bits at a time; each pair of tables shares one index and tag
 * hash (his code computes them for the odd table and derives the even one), and {@code F} is
 * computed once per distinct (length, table) couple. The tables of a group live in one shared
 * array of banks (his {@code gtable[1]} and {@code gtable[BORN]}), nothing is allocated per branch.
 * This class is the engine the TAGE family shares; it exposes its confidence and provider
 * information so the loop predictor and statistical corrector can build on it.
 *
 * <p>The CBP-2025 kit's copy of the 64 KB code ({@code cbp2016_tage_sc_l.h}, built with
 * {@code cbp2025Kit}) computes the same steps with two differences of C arithmetic: its
 * {@code Seed} is 64 bits wide ({@link #next()}), and the first long-history bank is picked with
 * a 64-bit mask {@code (1ULL << m[BORN]) - 1} where the CBP-2016 code's {@code (1 << m[BORN]) -
 * 1} is an int shift (x86: by {@code m[BORN] mod 32}). Both are fixed when the engine is built;
 * a staged predictor also looks a branch up again at execute with the history its fetch saw
 * ({@link PredictionHistory}).
 */
public final class TageEngine implements RandomSource {
  private final TageConfig config;
  /** The 8 KB submission's code (see the class comment). */
  private final boolean small;
  private final int tables;
  /** His NOSKIP, with room past the last table: the 8 KB allocation loop may look one beyond. */
  private final boolean[] enabled;
  private final int[] length;
  private final int logBank;
  private final int bankMask;
  private final int firstLong;
  private final int shortBanks;
  private final int longBanks;
  private final int longBase;
  /**
   * His {@code (1 << m[BORN]) - 1} and {@code (1 << m[1]) - 1}, with the int shift of C (the kit:
   * {@code 1ULL << m[BORN]}).
   */
  private final long longBankPathMask;
  private final long shortBankPathMask;

  private final byte[] counter;
  private final char[] tag;
  private final byte[] useful;
  private final int counterMax;
  private final int counterMin;
  private final int usefulMax;

  private final byte[] bimodalPrediction;
  private final byte[] bimodalHysteresis;
  private final int bimodalMask;
  private final int hysteresisShift;

  private final byte[] useAltOnNa;
  private final int useAltMax;
  private final int useAltMin;

  /**
   * The folds of the pairs: pair k's index fold is fold k, its tag folds are folds {@code P + k}
   * and {@code 2P + k} (P pairs), so a lookup reads them in order.
   */
  private final FoldedHistory history;
  /** Per pair (tables 2k+1, 2k+2): what gindex and gtag of its odd table need. */
  private final int[] pairAddressShift;
  private final int[] pairTagMask;
  private final int[] pairTagBits;
  /** Which of the distinct F values the pair uses. */
  private final int[] pairMix;
  /** 8 KB gtag: the fold of the previous pair's index history (-1 for the first pair: 0). */
  private final int[] pairPreviousFold;
  private final int[] pairIndex;
  private final int[] pairTag;
  /** Per table, its pair. */
  private final int[] tablePair;
  private final TableGroup shortTables;
  private final TableGroup longTables;
  /** The distinct (path length, table number) couples that F is computed for. */
  private final int mixes;
  private final int[] mixLength;
  private final int[] mixBank;
  private final int[] mixValue;
  private final int foldsPerKind;

  /** phist: 27 bits in the 64 KB code; never masked in the 8 KB code. */
  private long path;
  private final long pathMask;
  /** ptghist: the head of his history buffer, one step down per history bit. */
  private int historyPointer;
  private int tick;
  private final int tickLimit;
  /** His {@code Seed}. */
  private int seed;
  /** The kit's {@code Seed}, a {@code uint64_t}: used instead of {@link #seed} when kit. */
  private long kitSeed;
  /** The CBP-2025 kit's copy of the code (see the class comment). */
  private final boolean kit;
  /** {@link #next()} is not the 64 KB code's: the kit's, or the 8 KB code's with its tag mix. */
  private final boolean otherRandom;
  /** The pair of table {@code BORN + 2}, whose tag the 8 KB random numbers mix in. */
  private final int randomTagPair;

  // what the last prediction looked at, kept for its update (the tags are in pairTag)
  private final int[] index;
  private int bimodalIndex;
  private int bimodalState;
  private int hitBank;
  private int altBank;
  private boolean longestMatchPrediction;
  private boolean alternatePrediction;
  private boolean tagePrediction;
  private boolean highConfidence;
  private boolean mediumConfidence;
  private boolean lowConfidence;
  private boolean alternateConfident;

  // for tests: what the last allocation did
  private int lowestAllocatedTable;
  private long agings;

  /** A TAGE of shape {@code config}; {@code seed} starts the random numbers (his code: 0). */
  public TageEngine(TageConfig config, int seed) {
    this(config, seed, false);
  }

  /**
   * A TAGE of shape {@code config}, as Seznec's CBP-2016 code computes it or, with
   * {@code cbp2025Kit}, as the CBP-2025 kit's copy of his 64 KB code does (see the class
   * comment; the kit has no copy of the 8 KB code).
   */
  public TageEngine(TageConfig config, int seed, boolean cbp2025Kit) {
    if (cbp2025Kit && config.protectNewEntries()) {
      throw new IllegalArgumentException("the CBP-2025 kit has the 64 KB code only");
    }
    this.kit = cbp2025Kit;
    this.config = config;
    this.small = config.protectNewEntries();
    this.tables = config.tables();
    this.enabled = new boolean[tables + 4];
    this.length = config.historyLengths();
    for (int i = 1; i <= tables; i++) {
      enabled[i] = config.enabled(i);
    }
    this.logBank = config.logBankEntries();
    this.bankMask = (1 << logBank) - 1;
    this.firstLong = config.firstLongTable();
    this.shortBanks = config.shortBanks();
    this.longBanks = config.longBanks();
    this.longBase = shortBanks << logBank;
    // Java's shifts count modulo the operand's width, as x86 does: the int one is CBP-2016's
    this.longBankPathMask = firstLong > tables ? 0
        : cbp2025Kit ? (1L << length[firstLong]) - 1 : (long) ((1 << length[firstLong]) - 1);
    this.shortBankPathMask = (long) ((1 << length[1]) - 1);
    int entries = (shortBanks + longBanks) << logBank;
    this.counter = new byte[entries];
    this.tag = new char[entries];
    this.useful = new byte[entries];
    this.counterMax = (1 << (config.counterBits() - 1)) - 1;
    this.counterMin = -(1 << (config.counterBits() - 1));
    this.usefulMax = (1 << config.usefulBits()) - 1;

    this.bimodalPrediction = new byte[1 << config.logBimodal()];
    this.bimodalHysteresis = new byte[1 << (config.logBimodal() - config.hysteresisShift())];
    // his bimodal entries start weakly not-taken (pred 0, hyst 1)
    java.util.Arrays.fill(bimodalHysteresis, (byte) 1);
    this.bimodalMask = (1 << config.logBimodal()) - 1;
    this.hysteresisShift = config.hysteresisShift();

    this.useAltOnNa = new byte[1 << config.logUseAlt()];
    this.useAltMax = (1 << (config.useAltBits() - 1)) - 1;
    this.useAltMin = -(1 << (config.useAltBits() - 1));

    // a pair is hashed when one of its tables exists (the 8 KB gtag reads the previous pair's
    // index fold, so there every pair is kept)
    int pairs = 0;
    int allPairs = tables / 2;
    boolean[] kept = new boolean[allPairs];
    for (int k = 0; k < allPairs; k++) {
      kept[k] = small || enabled[2 * k + 1] || enabled[2 * k + 2];
      pairs += kept[k] ? 1 : 0;
    }
    int[] pairTable = new int[pairs];
    int[] rank = new int[allPairs];
    this.pairAddressShift = new int[pairs];
    this.pairTagMask = new int[pairs];
    this.pairTagBits = new int[pairs];
    this.pairMix = new int[pairs];
    this.pairPreviousFold = new int[pairs];
    this.pairIndex = new int[pairs];
    this.pairTag = new int[pairs];
    this.tablePair = new int[tables + 4];
    int[] lengths = new int[pairs];
    int[] banks = new int[pairs];
    int distinct = 0;
    int k = 0;
    for (int q = 0; q < allPairs; q++) {
      rank[q] = -1;
      if (!kept[q]) {
        continue;
      }
      int i = 2 * q + 1;
      rank[q] = k;
      pairTable[k] = i;
      tablePair[i] = k;
      tablePair[i + 1] = k;
      pairAddressShift[k] = Math.abs(logBank - i) + 1;
      pairTagBits[k] = config.tagBits(i);
      pairTagMask[k] = (1 << config.tagBits(i)) - 1;
      pairPreviousFold[k] = q > 0 ? rank[q - 1] : -1;
      // F(phist, M, bank) depends on M = min(m, 27) and, below logg, on the table number
      int pathLength = Math.min(length[i], config.pathBits());
      int bank = i < logBank ? i : 0;
      int m = 0;
      while (m < distinct && (lengths[m] != pathLength || banks[m] != bank)) {
        m++;
      }
      if (m == distinct) {
        lengths[m] = pathLength;
        banks[m] = bank;
        distinct++;
      }
      pairMix[k] = m;
      k++;
    }
    this.foldsPerKind = pairs;
    this.history = new FoldedHistory(config.maxHistory());
    // his ch_i, ch_t[0] and ch_t[1]; the 8 KB code folds into wider registers than the tables
    for (int pair = 0; pair < pairs; pair++) {
      int q = (pairTable[pair] - 1) / 2;
      history.addFold(length[pairTable[pair]], small ? 17 + (2 * q) % 4 : logBank);
    }
    for (int pair = 0; pair < pairs; pair++) {
      history.addFold(length[pairTable[pair]], small ? 13 : config.tagBits(pairTable[pair]));
    }
    for (int pair = 0; pair < pairs; pair++) {
      history.addFold(length[pairTable[pair]], small ? 11 : config.tagBits(pairTable[pair]) - 1);
    }
    this.mixes = distinct;
    this.mixLength = java.util.Arrays.copyOf(lengths, distinct);
    this.mixBank = java.util.Arrays.copyOf(banks, distinct);
    this.mixValue = new int[distinct];
    this.pathMask = small ? -1L : (1L << config.pathBits()) - 1;
    this.tickLimit = 1 << config.logUsefulPeriod();
    this.seed = seed;
    this.kitSeed = seed;
    int randomTable = firstLong + 2;
    this.randomTagPair = randomTable <= tables && kept[(randomTable - 1) / 2]
        ? tablePair[randomTable] : -1;
    this.otherRandom = cbp2025Kit || (small && randomTagPair >= 0);
    this.index = new int[tables + 4];
    this.shortTables = group(1, Math.min(firstLong, tables + 1), 0, shortBanks);
    this.longTables = group(firstLong, tables + 1, longBase, longBanks);
  }

  public TageConfig config() {
    return config;
  }

  /**
   * His {@code MYRANDOM}: a scramble of a counter with the path history and the history pointer
   * (and, in the 8 KB code, the tag just computed for table BORN + 2). The loop predictor draws
   * from it too, so the order of the calls is part of the predictor.
   */
  @Override
  public int next() {
    // one test on the 64 KB code's path, as before the kit's variant existed
    if (otherRandom) {
      return kit ? kitRandom() : scramble(pairTag[randomTagPair]);
    }
    return scramble(0);
  }

  /** His scramble on the 32-bit Seed; {@code tag} is the 8 KB code's extra mix (else 0). */
  private int scramble(int tag) {
    int s = seed + 1;
    s ^= (int) path;
    s = (s >> 21) + (s << 11);
    s ^= historyPointer;
    s = (s >> 10) + (s << 22);
    s ^= tag;
    seed = s;
    return s;
  }

  /**
   * The kit's {@code MYRANDOM}: the same scramble on a 64-bit {@code Seed} (logical shifts, the
   * history pointer sign-extended), of which the low 32 bits are returned. It reads the live
   * phist and ptghist ({@code active_hist}), whatever history a re-prediction used.
   */
  private int kitRandom() {
    long s = kitSeed + 1;
    s ^= path;
    s = (s >>> 21) + (s << 11);
    s ^= historyPointer;
    s = (s >>> 10) + (s << 22);
    kitSeed = s;
    return (int) s;
  }

  /** This engine as the source of random numbers its companions share (his single Seed). */
  public RandomSource random() {
    return this;
  }

  // ---------------------------------------------------------------- prediction

  /** His {@code Tagepred}: looks the branch up in every table and returns TAGE's prediction. */
  public boolean predict(long pc) {
    int p = (int) pc; // gindex and gtag take the address as a 32-bit unsigned int
    long ph = path;
    int[] folds = history.currentFolds();
    int[] mix = mixValue;
    for (int m = 0; m < mixes; m++) {
      mix[m] = f(ph, mixLength[m], mixBank[m]);
    }
    int[] idx = pairIndex;
    int[] tg = pairTag;
    int pairs = foldsPerKind;
    if (small) {
      for (int k = 0; k < pairs; k++) {
        int fk = mix[pairMix[k]];
        // gindex
        int i = p ^ (p >>> pairAddressShift[k]) ^ folds[k] ^ fk;
        idx[k] = (i ^ (i >> logBank) ^ (i >> 2 * logBank)) & bankMask;
        // gtag
        int previous = pairPreviousFold[k] >= 0 ? folds[pairPreviousFold[k]] : 0;
        int t = (previous << 2) ^ p ^ (p >>> 2) ^ folds[k];
        t = (t >> 1) ^ ((t & 1) << 10) ^ fk;
        t ^= folds[pairs + k] ^ (folds[2 * pairs + k] << 1);
        tg[k] = (t ^ (t >> pairTagBits[k])) & pairTagMask[k];
      }
    } else {
      for (int k = 0; k < pairs; k++) {
        idx[k] = (p ^ (p >>> pairAddressShift[k]) ^ folds[k] ^ mix[pairMix[k]]) & bankMask;
        tg[k] = (p ^ folds[pairs + k] ^ (folds[2 * pairs + k] << 1)) & pairTagMask[k];
      }
    }
    // consecutive tables go to consecutive banks, from a bank picked by pc and recent path
    int longStart = (int) Long.remainderUnsigned(pc ^ (ph & longBankPathMask), longBanks);
    int shortStart = (int) Long.remainderUnsigned(pc ^ (ph & shortBankPathMask), shortBanks);
    long hits = lookUp(shortTables, shortStart << logBank)
        | lookUp(longTables, longStart << logBank);

    bimodalIndex = (p ^ (p >>> 2)) & bimodalMask;
    boolean base = getbim();
    alternatePrediction = base;
    tagePrediction = base;
    longestMatchPrediction = base;
    hitBank = 63 - Long.numberOfLeadingZeros(hits);
    if (hitBank < 0) {
      hitBank = 0;
    }
    long below = hits & ~(1L << hitBank);
    altBank = below == 0 ? 0 : 63 - Long.numberOfLeadingZeros(below);
    if (hitBank > 0) {
      int c = counter[index[hitBank]];
      longestMatchPrediction = c >= 0;
      if (altBank > 0) {
        int a = counter[index[altBank]];
        alternatePrediction = a >= 0;
        alternateConfident = !weak(a);
      } else {
        alternatePrediction = getbim();
      }
      boolean useAlt = useAltOnNa[useAltIndex()] >= 0 && weak(c);
      tagePrediction = useAlt ? alternatePrediction : longestMatchPrediction;
      int strength = Math.abs(2 * c + 1);
      highConfidence = strength >= (1 << config.counterBits()) - 1;
      lowConfidence = strength == 1;
      mediumConfidence = strength == 5;
    }
    return tagePrediction;
  }

  /**
   * The existing tables of one group (short or long histories). Consecutive tables sit in
   * consecutive banks, and the group's first bank for a branch is a hash of pc and path, so a
   * branch's entries spread over the banks, wrapping around inside the group. Per table: its
   * number, its pair, whether it is the second of its pair (then {@code bankMask}: its index is
   * the pair's XOR the low tag bits, else 0) and the first entry of its bank; and where the group
   * wraps around.
   */
  private record TableGroup(int[] table, int[] pair, int[] secondShift, int[] start, int end,
      int size) {
  }

  /**
   * The existing tables numbered {@code from} to {@code to - 1}, in {@code banks} banks from entry
   * {@code base}: the j-th existing one gets bank {@code j mod banks}.
   */
  private TableGroup group(int from, int to, int base, int banks) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += enabled[i] ? 1 : 0;
    }
    int[] table = new int[n];
    int[] pair = new int[n];
    int[] second = new int[n];
    int[] start = new int[n];
    int j = 0;
    for (int i = from; i < to; i++) {
      if (enabled[i]) {
        table[j] = i;
        pair[j] = tablePair[i];
        second[j] = ((i - 1) & 1) != 0 ? bankMask : 0;
        start[j] = base + ((j % banks) << logBank);
        j++;
      }
    }
    int size = banks << logBank;
    return new TableGroup(table, pair, second, start, base + size, size);
  }

  /**
   * Reads the tag of every table of {@code group} for the hashes just computed, starting
   * {@code offset} entries into the group (its first bank), and returns the hits as a bit per
   * table. Records each table's entry (his GI) for the update.
   */
  private long lookUp(TableGroup group, int offset) {
    int[] table = group.table();
    int[] pair = group.pair();
    int[] second = group.secondShift();
    int[] start = group.start();
    int end = group.end();
    int size = group.size();
    int[] idx = pairIndex;
    int[] tg = pairTag;
    int[] entry = index;
    char[] tags = tag;
    long hits = 0;
    for (int j = 0; j < table.length; j++) {
      int k = pair[j];
      int t = tg[k];
      int e = start[j] + offset + (idx[k] ^ (t & second[j]));
      if (e >= end) {
        e -= size;
      }
      int i = table[j];
      entry[i] = e;
      hits |= (tags[e] == t ? 1L : 0L) << i;
    }
    return hits;
  }

  /** His {@code getbim}: the bimodal prediction, and the confidences it implies. */
  private boolean getbim() {
    int prediction = bimodalPrediction[bimodalIndex];
    bimodalState = (prediction << 1) | bimodalHysteresis[bimodalIndex >>> hysteresisShift];
    highConfidence = bimodalState == 0 || bimodalState == 3;
    lowConfidence = !highConfidence;
    alternateConfident = highConfidence;
    mediumConfidence = false;
    return prediction > 0;
  }

  /** His INDUSEALT. */
  private int useAltIndex() {
    int i = (((hitBank - 1) / 8) << 1) + (alternateConfident ? 1 : 0);
    // the 64 KB code takes it modulo SIZEUSEALT - 1; the 8 KB one never goes past the table
    return small ? Math.min(i, useAltOnNa.length - 1) : i % (useAltOnNa.length - 1);
  }

  /**
   * His {@code F}: folds the low {@code size} bits of the path history into a bank index, with
   * rotations by the table number {@code bank} when it is below logg (0 here means none). As in
   * his code, the high part is not masked before it is rotated in.
   */
  private int f(long a, int size, int bank) {
    int x = (int) (a & ((1 << size) - 1));
    int a1 = x & bankMask;
    int a2 = x >>> logBank;
    if (bank != 0) {
      a2 = ((a2 << bank) & bankMask) + (a2 >>> (logBank - bank));
    }
    x = a1 ^ a2;
    if (bank != 0) {
      x = ((x << bank) & bankMask) + (x >>> (logBank - bank));
    }
    return x;
  }

  private static boolean weak(int c) {
    return c == 0 || c == -1;
  }

  // ---------------------------------------------------------------- update

  /**
   * The TAGE part of his {@code UpdatePredictor} for the branch last predicted.
   * {@code finalPrediction} is what the whole predictor answered (his pred_taken): when it was
   * right, TAGE allocates only one time in 32.
   */
  public void update(boolean taken, boolean finalPrediction) {
    boolean allocate = tagePrediction != taken && hitBank < tables;
    if (hitBank > 0 && weak(counter[index[hitBank]])) {
      // a weak provider counts as newly allocated: when it was right, do not add more
      if (longestMatchPrediction == taken) {
        allocate = false;
      }
      if (longestMatchPrediction != alternatePrediction) {
        int i = useAltIndex();
        useAltOnNa[i] = (byte) SaturatingCounters.update(useAltOnNa[i], alternatePrediction == taken, useAltMin,
            useAltMax);
      }
    }
    if (finalPrediction == taken && (next() & 31) != 0) {
      allocate = false;
    }
    lowestAllocatedTable = Integer.MAX_VALUE;
    if (allocate) {
      if (small) {
        allocateProtecting(taken);
      } else {
        allocate(taken);
      }
    }
    if (small) {
      updateCountersProtecting(taken);
    } else {
      updateCounters(taken);
    }
  }

  /** 64 KB: train the provider (and a weak provider's alternate), and its u bit. */
  private void updateCounters(boolean taken) {
    if (hitBank > 0) {
      int e = index[hitBank];
      if (weak(counter[e]) && longestMatchPrediction != taken) {
        // the provider is too young to be trusted alone: train its alternate as well
        if (altBank > 0) {
          int a = index[altBank];
          counter[a] = (byte) SaturatingCounters.update(counter[a], taken, counterMin, counterMax);
        } else {
          baseupdate(taken);
        }
      }
      counter[e] = (byte) SaturatingCounters.update(counter[e], taken, counterMin, counterMax);
      if (weak(counter[e])) {
        useful[e] = 0; // it just changed its mind: it cannot have been useful
      }
      if (alternatePrediction == taken && altBank > 0
          && Math.abs(2 * counter[index[altBank]] + 1) == 7 && useful[e] == 1
          && longestMatchPrediction == taken) {
        useful[e] = 0; // a saturated alternate would have done as well
      }
    } else {
      baseupdate(taken);
    }
    if (longestMatchPrediction != alternatePrediction && longestMatchPrediction == taken) {
      int e = index[hitBank];
      if (useful[e] < usefulMax) {
        useful[e]++;
      }
    }
  }

  /** 8 KB: as the 64 KB code, but a weak entry loses its protection (u) before and after. */
  private void updateCountersProtecting(boolean taken) {
    if (hitBank > 0) {
      int e = index[hitBank];
      if (weak(counter[e]) && longestMatchPrediction != taken) {
        if (altBank > 0) {
          int a = index[altBank];
          if (weak(counter[a])) {
            useful[a] = 0;
          }
          counter[a] = (byte) SaturatingCounters.update(counter[a], taken, counterMin, counterMax);
          if (weak(counter[a])) {
            useful[a] = 0;
          }
        } else {
          baseupdate(taken);
        }
      }
      if (weak(counter[e])) {
        useful[e] = 0;
      }
      counter[e] = (byte) SaturatingCounters.update(counter[e], taken, counterMin, counterMax);
      if (weak(counter[e])) {
        useful[e] = 0;
      }
      if (alternatePrediction == taken && altBank > 0
          && Math.abs(2 * counter[index[altBank]] + 1) == 7 && useful[e] == 1
          && longestMatchPrediction == taken) {
        useful[e] = 0;
      }
    } else {
      baseupdate(taken);
    }
    if (longestMatchPrediction != alternatePrediction && longestMatchPrediction == taken) {
      int e = index[hitBank];
      if (useful[e] < usefulMax) {
        useful[e]++;
      }
    }
  }

  /** His {@code baseupdate}: the bimodal 2-bit state, its hysteresis bit shared. */
  private void baseupdate(boolean taken) {
    int state = bimodalState;
    if (taken) {
      if (state < 3) {
        state++;
      }
    } else if (state > 0) {
      state--;
    }
    bimodalPrediction[bimodalIndex] = (byte) (state >> 1);
    bimodalHysteresis[bimodalIndex >>> hysteresisShift] = (byte) (state & 1);
  }

  /** Allocates the new entry of table {@code i}, as both codes do. */
  private void install(int i, boolean taken) {
    int e = index[i];
    tag[e] = (char) pairTag[tablePair[i]];
    counter[e] = (byte) (taken ? 0 : -1);
    lowestAllocatedTable = Math.min(lowestAllocatedTable, i);
  }

  /**
   * 64 KB allocation: up to {@code 1 + extraAllocations} new entries above the provider, starting
   * one pair above it (sometimes two), in either table of a pair (the random bit says which comes
   * first), skipping a pair after each allocation. An entry is free when its u is 0 and its
   * counter is weak; a free entry with a confident counter only loses confidence. Entries in use
   * feed the TICK counter that ages every u.
   */
  private void allocate(boolean taken) {
    int remaining = config.extraAllocations();
    int a = (next() & 127) < 32 ? 2 : 1;
    int penalty = 0;
    int allocated = 0;
    int dep = ((hitBank - 1 + 2 * a) & 0xffe) ^ (next() & 1);
    for (int bigI = dep; bigI < tables; bigI += 2) {
      // his i = I + 1, then, unless it allocated, the other table of the pair, i = (I ^ 1) + 1
      int outcome = tryAllocate(bigI + 1, taken);
      if (outcome != ALLOCATED) {
        penalty += outcome == IN_USE ? 1 : 0;
        outcome = tryAllocate((bigI ^ 1) + 1, taken);
        penalty += outcome == IN_USE ? 1 : 0;
      }
      if (outcome == ALLOCATED) {
        allocated++;
        if (remaining <= 0) {
          break;
        }
        bigI += 2;
        remaining--;
      }
    }
    tick += penalty - 2 * allocated;
    if (tick < 0) {
      tick = 0;
    }
    if (tick >= tickLimit) {
      ageUseful();
      tick = 0;
    }
  }

  /** What one step of an allocation loop did with the entry of a table. */
  private static final int ABSENT = 0;
  private static final int ALLOCATED = 1;
  /** 64 KB: the entry was free but confident; it lost some confidence instead. */
  private static final int WEAKENED = 2;
  /** 8 KB: a protected weak entry, which may lose its protection: a failure, not a true one. */
  private static final int PROTECTED = 3;
  private static final int IN_USE = 4;

  /** One step of the 64 KB loop on table {@code i}. */
  private int tryAllocate(int i, boolean taken) {
    if (!enabled[i]) {
      return ABSENT;
    }
    int e = index[i];
    if (useful[e] != 0) {
      return IN_USE;
    }
    if (Math.abs(2 * counter[e] + 1) <= 3) {
      install(i, taken);
      return ALLOCATED;
    }
    counter[e] = (byte) (counter[e] > 0 ? counter[e] - 1 : counter[e] + 1);
    return WEAKENED;
  }

  /**
   * 8 KB allocation, as his code has it: a new entry is protected (u = 1) one time in 32; an entry
   * in use that is protected but weak loses its protection one time in 8 instead of counting as
   * a true failure. After an allocation in the first table tried, the other table of the next
   * pair is tried at once (his loop moves on without marking the pair done); the first table
   * tried being absent skips the pair.
   */
  private void allocateProtecting(boolean taken) {
    int remaining = config.extraAllocations();
    int a = (next() & 127) < 32 ? 2 : 1;
    int penalty = 0;
    int truePenalty = 0;
    int allocated = 0;
    int dep = ((hitBank - 1 + 2 * a) & 0xffe) ^ (next() & 1);
    pairs:
    for (int bigI = dep; bigI < tables; bigI += 2) {
      if (!enabled[bigI + 1]) {
        continue;
      }
      for (int step = 0; step < 2; step++) {
        // his i = I + 1, then i = (I ^ 1) + 1 with I as the first step left it
        int i = step == 0 ? bigI + 1 : (bigI ^ 1) + 1;
        if (i > tables || !enabled[i]) {
          continue;
        }
        int outcome = tryProtecting(i, taken);
        penalty += outcome == ALLOCATED ? 0 : 1;
        truePenalty += outcome == IN_USE ? 1 : 0;
        if (outcome == ALLOCATED) {
          allocated++;
          if (remaining <= 0) {
            break pairs;
          }
          bigI += 2;
          remaining--;
        }
      }
    }
    tick += truePenalty + penalty - 5 * allocated;
    if (tick < 0) {
      tick = 0;
    }
    if (tick >= tickLimit) {
      ageUseful();
      tick = 0;
    }
  }

  /** One step of the 8 KB loop on table {@code i}: a new entry is protected one time in 32. */
  private int tryProtecting(int i, boolean taken) {
    int e = index[i];
    if (useful[e] == 0) {
      useful[e] = (byte) ((next() & 31) == 0 ? 1 : 0);
      install(i, taken);
      return ALLOCATED;
    }
    if (useful[e] == 1 && weak(counter[e])) {
      if ((next() & 7) == 0) {
        useful[e] = 0;
      }
      return PROTECTED;
    }
    return IN_USE;
  }

  /**
   * Periodic aging: every u counter decays, so entries that stopped helping can be replaced (64
   * KB: halved; 8 KB: decremented).
   */
  void ageUseful() {
    byte[] u = useful;
    if (small) {
      for (int e = 0; e < u.length; e++) {
        if (u[e] > 0) {
          u[e]--;
        }
      }
    } else {
      for (int e = 0; e < u.length; e++) {
        u[e] >>= 1;
      }
    }
    agings++;
  }

  // ---------------------------------------------------------------- history

  /**
   * His {@code HistoryUpdate}, TAGE's part: shifts the branch into the global and path histories,
   * two bits per branch (three for an unconditional indirect one), mixing the outcome with
   * address bits, so that every branch kind shapes the history.
   */
  public void updateHistory(long pc, BranchKind kind, boolean taken) {
    int p = (int) pc;
    int count = kind.isIndirect() ? 3 : 2;
    int bits = (p ^ (p >>> 2)) ^ (taken ? 1 : 0);
    history.push(bits & ((1 << count) - 1), count);
    int pathSource = p ^ (p >>> 2) ^ (p >>> 4);
    long ph = path;
    for (int j = 0; j < count; j++) {
      ph = (ph << 1) ^ ((pathSource >>> j) & 127);
    }
    path = ph & pathMask;
    historyPointer -= count;
  }

  /**
   * What a lookup reads of TAGE's history: the folds (his {@code ch_i}, {@code ch_t[0]},
   * {@code ch_t[1]}) and phist. The CBP-2025 kit saves its whole history at fetch and looks the
   * branch up again with it at execute ({@code predict_using_given_hist}); the lookup reads only
   * these, so they are what a staged predictor keeps per branch in flight. Made by
   * {@link #newPredictionHistory()}; reused, nothing is allocated per save.
   */
  public static final class PredictionHistory {
    private final int[] folds;
    private long path;

    private PredictionHistory(int folds) {
      this.folds = new int[folds];
    }
  }

  /** An empty prediction history shaped for this engine. */
  public PredictionHistory newPredictionHistory() {
    return new PredictionHistory(history.foldCount());
  }

  /** Saves what a lookup now would read into {@code into}. */
  public void savePredictionHistory(PredictionHistory into) {
    int[] folds = history.currentFolds();
    System.arraycopy(folds, 0, into.folds, 0, into.folds.length);
    into.path = path;
  }

  /**
   * Exchanges what a lookup reads (folds and phist) with {@code saved}: after one exchange,
   * {@link #predict} and {@link #pathHistory()} see the saved history; a second exchange puts the
   * live one back. ptghist and the global bits are not exchanged, so the random numbers keep
   * mixing the live history (as the kit's {@code MYRANDOM} reads {@code active_hist}); no
   * history update may come between the two exchanges.
   */
  public void exchangeHistory(PredictionHistory saved) {
    history.exchangeFolds(saved.folds);
    long live = path;
    path = saved.path;
    saved.path = live;
  }

  // ---------------------------------------------------------------- what the companions read

  /** phist, TAGE's path history (the 64 KB statistical corrector reads it too). */
  public long pathHistory() {
    return path;
  }

  public int hitBank() {
    return hitBank;
  }

  public int altBank() {
    return altBank;
  }

  public boolean tagePrediction() {
    return tagePrediction;
  }

  public boolean longestMatchPrediction() {
    return longestMatchPrediction;
  }

  public boolean alternatePrediction() {
    return alternatePrediction;
  }

  public boolean highConfidence() {
    return highConfidence;
  }

  public boolean mediumConfidence() {
    return mediumConfidence;
  }

  public boolean lowConfidence() {
    return lowConfidence;
  }

  public long storageBits() {
    return config.storageBits();
  }

  // ---------------------------------------------------------------- for tests

  /** Lowest table the last update allocated in, or {@link Integer#MAX_VALUE}. */
  int lowestAllocatedTable() {
    return lowestAllocatedTable;
  }

  long agings() {
    return agings;
  }

  int usefulEntries() {
    int n = 0;
    for (byte u : useful) {
      if (u != 0) {
        n++;
      }
    }
    return n;
  }

  int maxUseful() {
    int max = 0;
    for (byte u : useful) {
      max = Math.max(max, u);
    }
    return max;
  }

  int entries() {
    return counter.length;
  }
}
