package org.bpsim.predictor.tage;

import java.util.Arrays;
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
 * <p>The methods are the steps of his code, under his names: {@link #predict} is his
 * {@code Tagepred} ({@link #gindex}, {@link #gtag} and {@link #F} per table, then the search for
 * HitBank and AltBank, {@link #getbim}), {@link #update} is the TAGE part of his
 * {@code UpdatePredictor} ({@link #allocate}, then {@link #updateProvider}: the counters and the
 * u bits), {@link #updateHistory} his {@code HistoryUpdate}, {@link #next} his {@code MYRANDOM}.
 * The two submissions differ in more than sizes; {@link TageConfig#protectNewEntries()} selects
 * the 8 KB one's code (its hashes {@link #gindex8KB} and {@link #gtag8KB}, its allocation that
 * protects some new entries, its u aging), otherwise the 64 KB one's.
 *
 * <p>What is cached, for speed, without changing a single result (each cache says which step it
 * holds and when it is refreshed): the folded histories {@code ch_i}, {@code ch_t[0]},
 * {@code ch_t[1]} (a {@link FoldedHistory}, brought up to date several bits at a time); the
 * {@code F} values of a lookup ({@link #mixValue}); {@code gindex} and {@code gtag} of the odd
 * table of each pair, from which his code derives the even one ({@link #pairIndex},
 * {@link #pairTag}); where each table's bank sits and whether it is the even one of its pair
 * ({@link TableGroup}). The tables of a group live in one shared array of banks (his
 * {@code gtable[1]} and {@code gtable[BORN]}), nothing is allocated per branch. This class is the
 * engine the TAGE family shares; it exposes its confidence and provider information so the loop
 * predictor and statistical corrector can build on it.
 *
 * <p>The CBP-2025 kit's copy of the 64 KB code ({@code cbp2016_tage_sc_l.h}, built with
 * {@code cbp2025Kit}) computes the same steps with two differences of C arithmetic: its
 * {@code Seed} is 64 bits wide ({@link #next()}), and the first long-history bank is picked with
 * a 64-bit mask {@code (1ULL << m[BORN]) - 1} where the CBP-2016 code's {@code (1 << m[BORN]) -
 * 1} is an int shift (x86: by {@code m[BORN] mod 32}). Both are fixed when the engine is built;
 * a staged predictor also looks a branch up again at execute with the history its fetch saw
 * ({@link PredictionHistory}).
 */
public final class TageEngine implements RandomSource, TageLookup {
  private final TageConfig config;
  /** The 8 KB submission's code (see the class comment). */
  private final boolean small;
  /** His nhist. */
  private final int nhist;
  /** His NOSKIP, with room past the last table: the 8 KB allocation loop may look one beyond. */
  private final boolean[] NOSKIP;
  /** His m: the history length of each table. */
  private final int[] m;
  /** His LOGG. */
  private final int logg;
  private final int bankMask;
  /** His BORN: the first table of the long-history banks. */
  private final int born;
  /** His NBANKLOW and NBANKHIGH. */
  private final int nbankLow;
  private final int nbankHigh;
  /**
   * His {@code (1 << m[BORN]) - 1} and {@code (1 << m[1]) - 1}, with the int shift of C (the kit:
   * {@code 1ULL << m[BORN]}).
   */
  private final long bornPathMask;
  private final long firstPathMask;

  // his gtable entries, every bank of both groups in one array each: ctr, tag and u
  private final byte[] ctr;
  private final char[] tag;
  private final byte[] u;
  private final int ctrMax;
  private final int ctrMin;
  private final int uMax;
  private final int ctrBits;

  /** His btable: pred per entry, hyst shared by {@code 2^hysteresisShift} entries. */
  private final byte[] bimPred;
  private final byte[] bimHyst;
  private final int bimMask;
  private final int hysteresisShift;

  /** His use_alt_on_na counters. */
  private final byte[] use_alt_on_na;
  private final int useAltMax;
  private final int useAltMin;

  /**
   * His ch_i, ch_t[0] and ch_t[1] for the odd table of each kept pair: pair k's index fold is fold
   * k, its tag folds are folds {@code P + k} and {@code 2P + k} (P pairs), so that a lookup reads
   * them in order.
   */
  private final FoldedHistory history;
  /** P: the pairs whose gindex and gtag a lookup computes. */
  private final int pairs;
  /** Per pair (tables 2k+1, 2k+2), what gindex and gtag of its odd table read of the config. */
  private final int[] pairAddressShift;
  private final int[] pairTagMask;
  private final int[] pairTagBits;
  /** Which of the distinct F values ({@link #mixValue}) the pair's gindex reads. */
  private final int[] pairMix;
  /** 8 KB gtag: the fold of the previous pair's index history (-1 for the first pair: 0). */
  private final int[] pairPreviousFold;
  /**
   * Cache of gindex and gtag of each pair's odd table (his GI[i] before the bank is added, and
   * GTAG[i]), for the branch being looked up: written by every {@link #predict}, read by the
   * bank placement and tag match right after and, for GTAG, by the allocation of its update.
   */
  private final int[] pairIndex;
  private final int[] pairTag;
  /** Per table, its pair. */
  private final int[] tablePair;
  private final TableGroup shortTables;
  private final TableGroup longTables;
  /**
   * Cache of F: {@code F(phist, min(m[i], 27), i < logg ? i : 0)} takes as many values as there are
   * distinct (length, rotation) couples among the pairs, fewer than the pairs. Each
   * {@link #predict} computes them once into {@code mixValue} before its gindex loop.
   */
  private final int mixes;
  private final int[] mixLength;
  private final int[] mixBank;
  private final int[] mixValue;

  /** phist: 27 bits in the 64 KB code; never masked in the 8 KB code. */
  private long phist;
  private final long phistMask;
  /** ptghist: the head of his history buffer, one step down per history bit. */
  private int ptghist;
  /** His TICK, which ages every u when it reaches {@link #tickLimit}. */
  private int TICK;
  private final int tickLimit;
  /** His {@code Seed}. */
  private int Seed;
  /** The kit's {@code Seed}, a {@code uint64_t}: used instead of {@link #Seed} when kit. */
  private long kitSeed;
  /** The CBP-2025 kit's copy of the code (see the class comment). */
  private final boolean kit;
  /** {@link #next()} is not the 64 KB code's: the kit's, or the 8 KB code's with its tag mix. */
  private final boolean otherRandom;
  /** The pair of table {@code BORN + 2}, whose tag the 8 KB random numbers mix in. */
  private final int randomTagPair;

  // what the last prediction looked at, kept for its update (the tags are in pairTag)
  /** His GI: per table, the entry the lookup read. */
  private final int[] GI;
  private int bimIndex;
  /** His BIM: the bimodal 2-bit state, pred and hyst. */
  private int BIM;
  private int HitBank;
  private int AltBank;
  private boolean LongestMatchPred;
  private boolean alttaken;
  private boolean tage_pred;
  private boolean HighConf;
  private boolean MedConf;
  private boolean LowConf;
  private boolean AltConf;

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
    this.nhist = config.tables();
    this.NOSKIP = new boolean[nhist + 4];
    this.m = config.historyLengths();
    for (int i = 1; i <= nhist; i++) {
      NOSKIP[i] = config.enabled(i);
    }
    this.logg = config.logBankEntries();
    this.bankMask = (1 << logg) - 1;
    this.born = config.firstLongTable();
    this.nbankLow = config.shortBanks();
    this.nbankHigh = config.longBanks();
    // Java's shifts count modulo the operand's width, as x86 does: the int one is CBP-2016's
    this.bornPathMask = born > nhist ? 0
        : cbp2025Kit ? (1L << m[born]) - 1 : (long) ((1 << m[born]) - 1);
    this.firstPathMask = (long) ((1 << m[1]) - 1);
    int entries = (nbankLow + nbankHigh) << logg;
    this.ctr = new byte[entries];
    this.tag = new char[entries];
    this.u = new byte[entries];
    this.ctrBits = config.counterBits();
    this.ctrMax = SaturatingCounters.signedMax(ctrBits);
    this.ctrMin = SaturatingCounters.signedMin(ctrBits);
    this.uMax = (1 << config.usefulBits()) - 1;

    this.bimPred = new byte[1 << config.logBimodal()];
    this.bimHyst = new byte[1 << (config.logBimodal() - config.hysteresisShift())];
    // his bimodal entries start weakly not-taken (pred 0, hyst 1)
    Arrays.fill(bimHyst, (byte) 1);
    this.bimMask = (1 << config.logBimodal()) - 1;
    this.hysteresisShift = config.hysteresisShift();

    this.use_alt_on_na = new byte[1 << config.logUseAlt()];
    this.useAltMax = SaturatingCounters.signedMax(config.useAltBits());
    this.useAltMin = SaturatingCounters.signedMin(config.useAltBits());

    // a pair is hashed when one of its tables exists (the 8 KB gtag reads the previous pair's
    // index fold, so there every pair is kept)
    int kept = 0;
    int allPairs = nhist / 2;
    boolean[] keep = new boolean[allPairs];
    for (int q = 0; q < allPairs; q++) {
      keep[q] = small || NOSKIP[2 * q + 1] || NOSKIP[2 * q + 2];
      kept += keep[q] ? 1 : 0;
    }
    this.pairs = kept;
    int[] pairTable = new int[pairs];
    int[] rank = new int[allPairs];
    this.pairAddressShift = new int[pairs];
    this.pairTagMask = new int[pairs];
    this.pairTagBits = new int[pairs];
    this.pairMix = new int[pairs];
    this.pairPreviousFold = new int[pairs];
    this.pairIndex = new int[pairs];
    this.pairTag = new int[pairs];
    this.tablePair = new int[nhist + 4];
    int[] lengths = new int[pairs];
    int[] banks = new int[pairs];
    int distinct = 0;
    int k = 0;
    for (int q = 0; q < allPairs; q++) {
      rank[q] = -1;
      if (!keep[q]) {
        continue;
      }
      int i = 2 * q + 1;
      rank[q] = k;
      pairTable[k] = i;
      tablePair[i] = k;
      tablePair[i + 1] = k;
      pairAddressShift[k] = Math.abs(logg - i) + 1;
      pairTagBits[k] = config.tagBits(i);
      pairTagMask[k] = (1 << config.tagBits(i)) - 1;
      pairPreviousFold[k] = q > 0 ? rank[q - 1] : -1;
      // F(phist, M, bank) depends on M = min(m, 27) and, below logg, on the table number
      int pathLength = Math.min(m[i], config.pathBits());
      int bank = i < logg ? i : 0;
      int f = 0;
      while (f < distinct && (lengths[f] != pathLength || banks[f] != bank)) {
        f++;
      }
      if (f == distinct) {
        lengths[f] = pathLength;
        banks[f] = bank;
        distinct++;
      }
      pairMix[k] = f;
      k++;
    }
    this.history = new FoldedHistory(config.maxHistory());
    // his ch_i, ch_t[0] and ch_t[1]; the 8 KB code folds into wider registers than the tables
    for (int pair = 0; pair < pairs; pair++) {
      int q = (pairTable[pair] - 1) / 2;
      history.addFold(m[pairTable[pair]], small ? 17 + (2 * q) % 4 : logg);
    }
    for (int pair = 0; pair < pairs; pair++) {
      history.addFold(m[pairTable[pair]], small ? 13 : config.tagBits(pairTable[pair]));
    }
    for (int pair = 0; pair < pairs; pair++) {
      history.addFold(m[pairTable[pair]], small ? 11 : config.tagBits(pairTable[pair]) - 1);
    }
    this.mixes = distinct;
    this.mixLength = Arrays.copyOf(lengths, distinct);
    this.mixBank = Arrays.copyOf(banks, distinct);
    this.mixValue = new int[distinct];
    this.phistMask = small ? -1L : (1L << config.pathBits()) - 1;
    this.tickLimit = 1 << config.logUsefulPeriod();
    this.Seed = seed;
    this.kitSeed = seed;
    int randomTable = born + 2;
    this.randomTagPair = randomTable <= nhist && keep[(randomTable - 1) / 2]
        ? tablePair[randomTable] : -1;
    this.otherRandom = cbp2025Kit || (small && randomTagPair >= 0);
    this.GI = new int[nhist + 4];
    this.shortTables = group(1, Math.min(born, nhist + 1), 0, nbankLow);
    this.longTables = group(born, nhist + 1, nbankLow << logg, nbankHigh);
  }

  public TageConfig config() {
    return config;
  }

  // ---------------------------------------------------------------- random numbers

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

  /** His scramble on the 32-bit Seed; {@code tagMix} is the 8 KB code's extra GTAG (else 0). */
  private int scramble(int tagMix) {
    int s = Seed + 1;
    s ^= (int) phist;
    s = (s >> 21) + (s << 11);
    s ^= ptghist;
    s = (s >> 10) + (s << 22);
    s ^= tagMix;
    Seed = s;
    return s;
  }

  /**
   * The kit's {@code MYRANDOM}: the same scramble on a 64-bit {@code Seed} (logical shifts, the
   * history pointer sign-extended), of which the low 32 bits are returned. It reads the live
   * phist and ptghist ({@code active_hist}), whatever history a re-prediction used.
   */
  private int kitRandom() {
    long s = kitSeed + 1;
    s ^= phist;
    s = (s >>> 21) + (s << 11);
    s ^= ptghist;
    s = (s >>> 10) + (s << 22);
    kitSeed = s;
    return (int) s;
  }

  /** This engine as the source of random numbers its companions share (his single Seed). */
  public RandomSource random() {
    return this;
  }

  // ---------------------------------------------------------------- prediction

  /**
   * His {@code Tagepred}: GI and GTAG of every table, the longest and second longest matches
   * (HitBank, AltBank) and the bimodal, then TAGE's prediction with USE_ALT_ON_NA.
   */
  public boolean predict(long pc) {
    int p = (int) pc; // gindex and gtag take the address as a 32-bit unsigned int
    hashPairs(p, history.currentFolds());
    // his T: consecutive tables go to consecutive banks, from a bank picked by pc and recent path
    int high = (int) Long.remainderUnsigned(pc ^ (phist & bornPathMask), nbankHigh);
    int low = (int) Long.remainderUnsigned(pc ^ (phist & firstPathMask), nbankLow);
    long hits = match(shortTables, low << logg) | match(longTables, high << logg);
    bimIndex = (p ^ (p >>> 2)) & bimMask;
    return choose(hits);
  }

  /**
   * His loop {@code for (i = 1; i <= nhist; i += 2)}: gindex and gtag of the odd table of every
   * pair, into {@link #pairIndex} and {@link #pairTag}, the F values first ({@link #mixValue}).
   */
  private void hashPairs(int p, int[] folds) {
    long a = phist;
    int[] mix = mixValue;
    for (int f = 0; f < mixes; f++) {
      mix[f] = F(a, mixLength[f], mixBank[f]);
    }
    int[] gi = pairIndex;
    int[] gt = pairTag;
    int n = pairs;
    // two loops rather than a test per pair: the code is fixed when the engine is built
    if (small) {
      for (int k = 0; k < n; k++) {
        int fk = mix[pairMix[k]];
        gi[k] = gindex8KB(p, k, folds, fk);
        gt[k] = gtag8KB(p, k, folds, fk);
      }
    } else {
      for (int k = 0; k < n; k++) {
        gi[k] = gindex(p, k, folds, mix[pairMix[k]]);
        gt[k] = gtag(p, k, folds);
      }
    }
  }

  /**
   * His 64 KB {@code gindex} of the odd table of pair {@code k}, whose {@code F} is {@code fk}:
   * the address, shifted by a per-table amount so tables differ, XOR ch_i and the path.
   */
  private int gindex(int p, int k, int[] folds, int fk) {
    return (p ^ (p >>> pairAddressShift[k]) ^ folds[k] ^ fk) & bankMask;
  }

  /** His 64 KB {@code gtag}: the address XOR ch_t[0] XOR ch_t[1] shifted by one. */
  private int gtag(int p, int k, int[] folds) {
    return (p ^ folds[pairs + k] ^ (folds[2 * pairs + k] << 1)) & pairTagMask[k];
  }

  /**
   * His 8 KB {@code gindex}: as the 64 KB one on wider folds, folded again into logg bits so that
   * no bit of the wider fold is lost.
   */
  private int gindex8KB(int p, int k, int[] folds, int fk) {
    int i = p ^ (p >>> pairAddressShift[k]) ^ folds[k] ^ fk;
    return (i ^ (i >> logg) ^ (i >> 2 * logg)) & bankMask;
  }

  /**
   * His 8 KB {@code gtag}: it also mixes the previous pair's index history, this pair's and the
   * path, so that the tags of neighbouring lengths differ where their index histories agree.
   */
  private int gtag8KB(int p, int k, int[] folds, int fk) {
    int previous = pairPreviousFold[k] >= 0 ? folds[pairPreviousFold[k]] : 0;
    int t = (previous << 2) ^ p ^ (p >>> 2) ^ folds[k];
    t = (t >> 1) ^ ((t & 1) << 10) ^ fk;
    t ^= folds[pairs + k] ^ (folds[2 * pairs + k] << 1);
    return (t ^ (t >> pairTagBits[k])) & pairTagMask[k];
  }

  /**
   * His {@code F}: folds the low {@code size} bits of the path history {@code A} into a bank
   * index, with rotations by the table number {@code bank} when it is below logg (0 here means
   * none). As in his code, the high part is not masked before it is rotated in.
   */
  private int F(long A, int size, int bank) {
    int x = (int) (A & ((1 << size) - 1));
    int a1 = x & bankMask;
    int a2 = x >>> logg;
    if (bank != 0) {
      a2 = ((a2 << bank) & bankMask) + (a2 >>> (logg - bank));
    }
    x = a1 ^ a2;
    if (bank != 0) {
      x = ((x << bank) & bankMask) + (x >>> (logg - bank));
    }
    return x;
  }

  /**
   * The existing tables of one group (short or long histories): a cache of what his bank
   * placement computes per table from the configuration only, built once with the engine.
   * Consecutive tables sit in consecutive banks, and the group's first bank for a branch (his T)
   * is a hash of pc and path, so a branch's entries spread over the banks, wrapping around inside
   * the group. Per table: its number, its pair, whether it is the even one of its pair (then
   * {@code bankMask}: his {@code GI[i + 1] = GI[i] ^ (GTAG[i] & ((1 << LOGG) - 1))}, else 0) and
   * the first entry of its bank; and where the group wraps around.
   */
  private record TableGroup(int[] table, int[] pair, int[] evenMask, int[] start, int end,
      int size) {
  }

  /**
   * The existing tables numbered {@code from} to {@code to - 1}, in {@code banks} banks from entry
   * {@code base}: the j-th existing one gets bank {@code j mod banks}.
   */
  private TableGroup group(int from, int to, int base, int banks) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += NOSKIP[i] ? 1 : 0;
    }
    int[] table = new int[n];
    int[] pair = new int[n];
    int[] even = new int[n];
    int[] start = new int[n];
    int j = 0;
    for (int i = from; i < to; i++) {
      if (NOSKIP[i]) {
        table[j] = i;
        pair[j] = tablePair[i];
        even[j] = ((i - 1) & 1) != 0 ? bankMask : 0;
        start[j] = base + ((j % banks) << logg);
        j++;
      }
    }
    int size = banks << logg;
    return new TableGroup(table, pair, even, start, base + size, size);
  }

  /**
   * His GI with the bank added, and his tag comparisons, for every table of {@code group}:
   * records each table's entry in GI and returns the tables whose tag matches, a bit per table.
   * {@code offset} is the group's first bank for this branch, in entries.
   */
  private long match(TableGroup group, int offset) {
    int[] table = group.table();
    int[] pair = group.pair();
    int[] even = group.evenMask();
    int[] start = group.start();
    int end = group.end();
    int size = group.size();
    int[] gi = pairIndex;
    int[] gt = pairTag;
    int[] entry = GI;
    char[] tags = tag;
    long hits = 0;
    for (int j = 0; j < table.length; j++) {
      int k = pair[j];
      int t = gt[k];
      int e = start[j] + offset + (gi[k] ^ (t & even[j]));
      if (e >= end) {
        e -= size;
      }
      int i = table[j];
      entry[i] = e;
      hits |= (tags[e] == t ? 1L : 0L) << i;
    }
    return hits;
  }

  /**
   * The end of his {@code Tagepred}: HitBank is the longest matching table and AltBank the next
   * one; the provider predicts unless its entry is weak (newly allocated) and USE_ALT_ON_NA
   * prefers the alternate, which is the bimodal when nothing else matched.
   */
  private boolean choose(long hits) {
    boolean base = getbim();
    alttaken = base;
    tage_pred = base;
    LongestMatchPred = base;
    HitBank = Math.max(0, 63 - Long.numberOfLeadingZeros(hits));
    long below = hits & ~(1L << HitBank);
    AltBank = below == 0 ? 0 : 63 - Long.numberOfLeadingZeros(below);
    if (HitBank > 0) {
      int c = ctr[GI[HitBank]];
      LongestMatchPred = c >= 0;
      if (AltBank > 0) {
        int a = ctr[GI[AltBank]];
        alttaken = a >= 0;
        AltConf = !weak(a);
      } else {
        alttaken = getbim();
      }
      boolean useAlt = use_alt_on_na[INDUSEALT()] >= 0 && weak(c);
      tage_pred = useAlt ? alttaken : LongestMatchPred;
      int strength = Math.abs(2 * c + 1);
      HighConf = strength >= (1 << ctrBits) - 1;
      LowConf = strength == 1;
      MedConf = strength == 5;
    }
    return tage_pred;
  }

  /** His {@code getbim}: the bimodal prediction, and the confidences it implies. */
  private boolean getbim() {
    int pred = bimPred[bimIndex];
    BIM = (pred << 1) | bimHyst[bimIndex >>> hysteresisShift];
    HighConf = BIM == 0 || BIM == 3;
    LowConf = !HighConf;
    AltConf = HighConf;
    MedConf = false;
    return pred > 0;
  }

  /** His INDUSEALT: which USE_ALT_ON_NA counter serves this provider. */
  private int INDUSEALT() {
    int i = (((HitBank - 1) / 8) << 1) + (AltConf ? 1 : 0);
    // the 64 KB code takes it modulo SIZEUSEALT - 1; the 8 KB one never goes past the table
    return small ? Math.min(i, use_alt_on_na.length - 1) : i % (use_alt_on_na.length - 1);
  }

  /** A counter that says "newly allocated": one step from either direction. */
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
    boolean ALLOC = tage_pred != taken && HitBank < nhist;
    if (HitBank > 0 && weak(ctr[GI[HitBank]])) {
      // a weak provider counts as newly allocated: when it was right, do not add more
      if (LongestMatchPred == taken) {
        ALLOC = false;
      }
      if (LongestMatchPred != alttaken) {
        int i = INDUSEALT();
        use_alt_on_na[i] = (byte) SaturatingCounters.update(use_alt_on_na[i], alttaken == taken,
            useAltMin, useAltMax);
      }
    }
    if (finalPrediction == taken && (next() & 31) != 0) {
      ALLOC = false;
    }
    if (ALLOC) {
      if (small) {
        allocateProtecting(taken);
      } else {
        allocate(taken);
      }
    }
    updateProvider(taken);
  }

  /**
   * His counter and u updates: train the provider (and a weak wrong provider's alternate, as the
   * provider is too young to be trusted alone), reset u where the entry cannot have been useful,
   * and raise u where the provider was right and the alternate wrong. The 8 KB code also lets a
   * weak entry lose its protection (u) before and after each training.
   */
  private void updateProvider(boolean taken) {
    if (HitBank > 0) {
      int e = GI[HitBank];
      if (weak(ctr[e]) && LongestMatchPred != taken) {
        if (AltBank > 0) {
          int a = GI[AltBank];
          if (small && weak(ctr[a])) {
            u[a] = 0;
          }
          ctr[a] = (byte) SaturatingCounters.update(ctr[a], taken, ctrMin, ctrMax);
          if (small && weak(ctr[a])) {
            u[a] = 0;
          }
        } else {
          baseupdate(taken);
        }
      }
      if (small && weak(ctr[e])) {
        u[e] = 0;
      }
      ctr[e] = (byte) SaturatingCounters.update(ctr[e], taken, ctrMin, ctrMax);
      if (weak(ctr[e])) {
        u[e] = 0; // it just changed its mind: it cannot have been useful
      }
      if (alttaken == taken && AltBank > 0 && Math.abs(2 * ctr[GI[AltBank]] + 1) == 7
          && u[e] == 1 && LongestMatchPred == taken) {
        u[e] = 0; // a saturated alternate would have done as well
      }
    } else {
      baseupdate(taken);
    }
    if (LongestMatchPred != alttaken && LongestMatchPred == taken) {
      int e = GI[HitBank];
      if (u[e] < uMax) {
        u[e]++;
      }
    }
  }

  /** His {@code baseupdate}: the bimodal 2-bit state, its hysteresis bit shared. */
  private void baseupdate(boolean taken) {
    int state = SaturatingCounters.update(BIM, taken, 0, 3);
    bimPred[bimIndex] = (byte) (state >> 1);
    bimHyst[bimIndex >>> hysteresisShift] = (byte) (state & 1);
  }

  /** Allocates the new entry of table {@code i}, as both codes do. */
  private void install(int i, boolean taken) {
    int e = GI[i];
    tag[e] = (char) pairTag[tablePair[i]];
    ctr[e] = (byte) (taken ? 0 : -1);
  }

  /**
   * 64 KB allocation: up to {@code 1 + extraAllocations} new entries above the provider, starting
   * one pair above it (sometimes two), in either table of a pair (the random bit says which comes
   * first), skipping a pair after each allocation. An entry is free when its u is 0 and its
   * counter is weak; a free entry with a confident counter only loses confidence. Entries in use
   * feed the TICK counter that ages every u.
   */
  private void allocate(boolean taken) {
    int T = config.extraAllocations();
    int A = (next() & 127) < 32 ? 2 : 1;
    int Penalty = 0;
    int NA = 0;
    int DEP = ((HitBank - 1 + 2 * A) & 0xffe) ^ (next() & 1);
    for (int I = DEP; I < nhist; I += 2) {
      // his i = I + 1, then, unless it allocated, the other table of the pair, i = (I ^ 1) + 1
      int outcome = tryAllocate(I + 1, taken);
      if (outcome != ALLOCATED) {
        Penalty += outcome == IN_USE ? 1 : 0;
        outcome = tryAllocate((I ^ 1) + 1, taken);
        Penalty += outcome == IN_USE ? 1 : 0;
      }
      if (outcome == ALLOCATED) {
        NA++;
        if (T <= 0) {
          break;
        }
        I += 2;
        T--;
      }
    }
    addToTick(Penalty - 2 * NA);
  }

  /** His TICK: failures push it up, allocations down; when it reaches its limit every u ages. */
  private void addToTick(int delta) {
    TICK = Math.max(0, TICK + delta);
    if (TICK >= tickLimit) {
      ageUseful();
      TICK = 0;
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
    if (!NOSKIP[i]) {
      return ABSENT;
    }
    int e = GI[i];
    if (u[e] != 0) {
      return IN_USE;
    }
    if (Math.abs(2 * ctr[e] + 1) <= 3) {
      install(i, taken);
      return ALLOCATED;
    }
    ctr[e] = (byte) (ctr[e] > 0 ? ctr[e] - 1 : ctr[e] + 1);
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
    int T = config.extraAllocations();
    int A = (next() & 127) < 32 ? 2 : 1;
    int Penalty = 0;
    int TruePen = 0;
    int NA = 0;
    int DEP = ((HitBank - 1 + 2 * A) & 0xffe) ^ (next() & 1);
    search:
    for (int I = DEP; I < nhist; I += 2) {
      if (!NOSKIP[I + 1]) {
        continue;
      }
      for (int step = 0; step < 2; step++) {
        // his i = I + 1, then i = (I ^ 1) + 1 with I as the first step left it
        int i = step == 0 ? I + 1 : (I ^ 1) + 1;
        if (i > nhist || !NOSKIP[i]) {
          continue;
        }
        int outcome = tryProtecting(i, taken);
        Penalty += outcome == ALLOCATED ? 0 : 1;
        TruePen += outcome == IN_USE ? 1 : 0;
        if (outcome == ALLOCATED) {
          NA++;
          if (T <= 0) {
            break search;
          }
          I += 2;
          T--;
        }
      }
    }
    addToTick(TruePen + Penalty - 5 * NA);
  }

  /** One step of the 8 KB loop on table {@code i}: a new entry is protected one time in 32. */
  private int tryProtecting(int i, boolean taken) {
    int e = GI[i];
    if (u[e] == 0) {
      u[e] = (byte) ((next() & 31) == 0 ? 1 : 0);
      install(i, taken);
      return ALLOCATED;
    }
    if (u[e] == 1 && weak(ctr[e])) {
      if ((next() & 7) == 0) {
        u[e] = 0;
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
    byte[] useful = u;
    if (small) {
      for (int e = 0; e < useful.length; e++) {
        if (useful[e] > 0) {
          useful[e]--;
        }
      }
    } else {
      for (int e = 0; e < useful.length; e++) {
        useful[e] >>= 1;
      }
    }
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
    long ph = phist;
    for (int j = 0; j < count; j++) {
      ph = (ph << 1) ^ ((pathSource >>> j) & 127);
    }
    phist = ph & phistMask;
    ptghist -= count;
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
    private long phist;

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
    into.phist = phist;
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
    long live = phist;
    phist = saved.phist;
    saved.phist = live;
  }

  // ---------------------------------------------------------------- what the companions read

  /** phist, TAGE's path history (the 64 KB statistical corrector reads it too). */
  @Override
  public long pathHistory() {
    return phist;
  }

  /** HitBank: the provider table, 0 for the bimodal. */
  @Override
  public int hitBank() {
    return HitBank;
  }

  /** AltBank: the alternate table, 0 for the bimodal. */
  @Override
  public int altBank() {
    return AltBank;
  }

  /** tage_pred: TAGE's prediction, after USE_ALT_ON_NA. */
  public boolean tagePrediction() {
    return tage_pred;
  }

  /** LongestMatchPred: the provider's prediction. */
  @Override
  public boolean longestMatchPrediction() {
    return LongestMatchPred;
  }

  /** alttaken: the alternate's prediction. */
  @Override
  public boolean alternatePrediction() {
    return alttaken;
  }

  @Override
  public boolean highConfidence() {
    return HighConf;
  }

  @Override
  public boolean mediumConfidence() {
    return MedConf;
  }

  @Override
  public boolean lowConfidence() {
    return LowConf;
  }

  public long storageBits() {
    return config.storageBits();
  }

  // ---------------------------------------------------------------- for tests: reads, no writes

  /** Entries of all tagged banks. */
  int entries() {
    return ctr.length;
  }

  /** GI of table {@code i} (1-based) for the last lookup. */
  int lookedUpEntry(int i) {
    return GI[i];
  }

  /** GTAG of table {@code i} (1-based) for the last lookup. */
  int lookedUpTag(int i) {
    return pairTag[tablePair[i]];
  }

  /** Whether table {@code i} (1-based) exists (his NOSKIP). */
  boolean exists(int i) {
    return NOSKIP[i];
  }

  int tagAt(int entry) {
    return tag[entry];
  }

  int usefulAt(int entry) {
    return u[entry];
  }

  int usefulEntries() {
    int n = 0;
    for (byte x : u) {
      if (x != 0) {
        n++;
      }
    }
    return n;
  }

  int maxUseful() {
    int max = 0;
    for (byte x : u) {
      max = Math.max(max, x);
    }
    return max;
  }
}
