package org.bpsim.predictor.tage;

import org.bpsim.predictor.spi.BranchKind;

/**
 * TAGE (Seznec and Michaud, "A case for (partially) TAgged GEometric history length branch
 * prediction", JILP 2006) as refined in Seznec's CBP-2016 TAGE-SC-L: a bimodal base predictor
 * with hysteresis shared between entries, and tagged tables indexed with geometrically longer
 * global histories. The longest matching table (the provider) predicts, unless its entry looks
 * newly allocated and the USE_ALT_ON_NA counters say the alternate prediction is better then.
 *
 * <p>This class is the engine the TAGE family shares; it exposes its confidence and provider
 * information so the loop predictor and statistical corrector can build on it. Everything is
 * primitive arrays: one shared array per field for all tables (bank-interleaved), no objects per
 * entry, nothing allocated per branch.
 */
public final class TageEngine {
  private final TageConfig config;
  private final int tables;
  private final boolean[] enabled;
  private final int[] length;
  private final int logBank;
  private final int bankMask;
  private final int firstLong;
  private final int shortBanks;
  private final int longBanks;
  private final int longBase;
  private final int pathBits;

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
   * The folds of the pairs, registered so that pair k's index fold is fold k, its tag folds are
   * folds {@code P + k} and {@code 2P + k} (P pairs): a lookup reads them in order.
   */
  private final GlobalHistory history;
  // What the lookup of each pair of tables (i, i + 1) with at least one existing table needs,
  // indexed by its rank k among those pairs. A prediction first hashes each pair's index and tag
  // (pairIndex, pairTag), then reads the existing tables, short group and long group apart.
  private final int[] pairAddressShift;
  private final int[] pairTagMask;
  /** Which of the distinct path mixes the pair uses. */
  private final int[] pairMix;
  private final int[] pairIndex;
  private final int[] pairTag;
  /** Per table, the rank of its pair. */
  private final int[] tablePair;
  private final TableGroup shortTables;
  private final TableGroup longTables;
  /**
   * The distinct (path length, rotation) couples of the pairs: most long tables share the full
   * path length and one of a few rotations, so a prediction mixes the path once per couple.
   */
  private final int mixes;
  private final int[] mixLength;
  private final int[] mixRotation;
  private final int[] mixValue;
  private long path;
  private final long pathMask;
  private int tick;
  private final int tickLimit;
  private final SeededRandom random;

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

  public TageEngine(TageConfig config, int seed) {
    this.config = config;
    this.tables = config.tables();
    this.enabled = new boolean[tables + 2];
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
    this.pathBits = config.pathBits();
    int entries = (shortBanks + longBanks) << logBank;
    this.counter = new byte[entries];
    this.tag = new char[entries];
    this.useful = new byte[entries];
    this.counterMax = (1 << (config.counterBits() - 1)) - 1;
    this.counterMin = -(1 << (config.counterBits() - 1));
    this.usefulMax = (1 << config.usefulBits()) - 1;

    this.bimodalPrediction = new byte[1 << config.logBimodal()];
    this.bimodalHysteresis = new byte[1 << (config.logBimodal() - config.hysteresisShift())];
    // start weakly not-taken, as the CBP-2016 code does: TAGE-SC-L then reproduces the CBP-2025
    // kit's misprediction count exactly. Starting weakly taken, like bimodal, saves a cold miss
    // on tiny traces but costs 0.2 % on the large ones and loses that match.
    java.util.Arrays.fill(bimodalHysteresis, (byte) 1);
    this.bimodalMask = (1 << config.logBimodal()) - 1;
    this.hysteresisShift = config.hysteresisShift();

    this.useAltOnNa = new byte[1 << config.logUseAlt()];
    this.useAltMax = (1 << (config.useAltBits() - 1)) - 1;
    this.useAltMin = -(1 << (config.useAltBits() - 1));

    int[] addressShift = new int[tables + 2];
    int[] pathLength = new int[tables + 2];
    int[] pathRotation = new int[tables + 2];
    for (int i = 1; i <= tables; i++) {
      addressShift[i] = Math.abs(logBank - i) + 1;
      pathLength[i] = Math.min(length[i], config.pathBits());
      pathRotation[i] = i % logBank;
    }
    int pairs = 0;
    for (int i = 1; i < tables; i += 2) {
      if (enabled[i] || enabled[i + 1]) {
        pairs++;
      }
    }
    int[] pairTable = new int[pairs];
    this.pairAddressShift = new int[pairs];
    this.pairTagMask = new int[pairs];
    this.pairMix = new int[pairs];
    this.pairIndex = new int[pairs];
    this.pairTag = new int[pairs];
    this.tablePair = new int[tables + 2];
    int[] lengths = new int[pairs];
    int[] rotations = new int[pairs];
    int distinct = 0;
    int k = 0;
    for (int i = 1; i < tables; i += 2) {
      if (!enabled[i] && !enabled[i + 1]) {
        continue;
      }
      pairTable[k] = i;
      tablePair[i] = k;
      tablePair[i + 1] = k;
      pairAddressShift[k] = addressShift[i];
      pairTagMask[k] = (1 << config.tagBits(i)) - 1;
      int m = 0;
      while (m < distinct && (lengths[m] != pathLength[i] || rotations[m] != pathRotation[i])) {
        m++;
      }
      if (m == distinct) {
        lengths[m] = pathLength[i];
        rotations[m] = pathRotation[i];
        distinct++;
      }
      pairMix[k] = m;
      k++;
    }
    this.history = new GlobalHistory(config.maxHistory());
    for (int pair = 0; pair < pairs; pair++) {
      history.addFold(length[pairTable[pair]], logBank);
    }
    for (int pair = 0; pair < pairs; pair++) {
      history.addFold(length[pairTable[pair]], config.tagBits(pairTable[pair]));
    }
    for (int pair = 0; pair < pairs; pair++) {
      history.addFold(length[pairTable[pair]], config.tagBits(pairTable[pair]) - 1);
    }
    this.mixes = distinct;
    this.mixLength = java.util.Arrays.copyOf(lengths, distinct);
    this.mixRotation = java.util.Arrays.copyOf(rotations, distinct);
    this.mixValue = new int[distinct];
    this.pathMask = (1L << pathBits) - 1;
    this.tickLimit = 1 << config.logUsefulPeriod();
    this.random = new SeededRandom(seed);
    this.index = new int[tables + 2];
    this.shortTables = group(1, firstLong, 0, shortBanks);
    this.longTables = group(firstLong, tables + 1, longBase, longBanks);
  }

  public TageConfig config() {
    return config;
  }

  /** Shared pseudo-random source, so companions (loop predictor) stay reproducible too. */
  public SeededRandom random() {
    return random;
  }

  // ---------------------------------------------------------------- prediction

  /** Looks the branch up in every table and returns TAGE's prediction. */
  public boolean predict(long pc) {
    int p = (int) pc;
    long ph = path;
    // consecutive tables go to consecutive banks, starting at a bank picked by pc and path
    int longStart = firstBank(p ^ (int) lowBits(ph, length[firstLong]), longBanks);
    int shortStart = firstBank(p ^ (int) lowBits(ph, length[1]), shortBanks);
    int[] folds = history.currentFolds();
    int[] mix = mixValue;
    for (int m = 0; m < mixes; m++) {
      mix[m] = mixPath(ph, mixLength[m], mixRotation[m]);
    }
    int[] idx = pairIndex;
    int[] tg = pairTag;
    int pairs = idx.length;
    for (int k = 0; k < pairs; k++) {
      idx[k] = (p ^ (p >>> pairAddressShift[k]) ^ folds[k] ^ mix[pairMix[k]]) & bankMask;
      tg[k] = (p ^ folds[pairs + k] ^ (folds[2 * pairs + k] << 1)) & pairTagMask[k];
    }
    long hits = lookUp(shortTables, shortStart << logBank)
        | lookUp(longTables, longStart << logBank);

    bimodalIndex = (p ^ (p >>> 2)) & bimodalMask;
    boolean base = readBimodal();
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
        alternatePrediction = readBimodal();
      }
      boolean useAlt = useAltOnNa[useAltIndex()] >= 0 && weak(c);
      tagePrediction = useAlt ? alternatePrediction : longestMatchPrediction;
      int strength = Math.abs(2 * c + 1);
      highConfidence = strength >= (1 << config.counterBits()) - 1;
      lowConfidence = strength == 1;
      mediumConfidence = strength == (1 << config.counterBits()) - 3;
    }
    return tagePrediction;
  }

  /**
   * The existing tables of one group (short or long histories). Consecutive tables sit in
   * consecutive banks, and the group's first bank for a branch is a hash of pc and path, so a
   * branch's entries spread over the banks, wrapping around inside the group. Per table: its
   * number, its pair's rank, whether it is the second of its pair (then {@code bankMask}, which
   * moves it within its bank by the tag, else 0) and the first entry of its bank; and where the
   * group wraps around.
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
   * table.
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

  private boolean readBimodal() {
    int prediction = bimodalPrediction[bimodalIndex];
    bimodalState = (prediction << 1) | bimodalHysteresis[bimodalIndex >>> hysteresisShift];
    highConfidence = bimodalState == 0 || bimodalState == 3;
    lowConfidence = !highConfidence;
    alternateConfident = highConfidence;
    mediumConfidence = false;
    return prediction > 0;
  }

  private int useAltIndex() {
    int i = (((hitBank - 1) >> 3) << 1) + (alternateConfident ? 1 : 0);
    return Math.min(i, useAltOnNa.length - 1);
  }

  /** Folds the low {@code bits} bits of the path history into a bank index, rotated per table. */
  private int mixPath(long ph, int bits, int rotation) {
    int a = (int) lowBits(ph, bits);
    int high = a >>> logBank;
    high = rotate(high & bankMask, rotation) ^ (high >>> logBank);
    return rotate((a ^ high) & bankMask, rotation);
  }

  /** The first bank of a group: a hash of pc and the recent path, modulo the bank count. */
  private static int firstBank(int x, int banks) {
    return Integer.remainderUnsigned(x, banks);
  }

  private int rotate(int v, int r) {
    return ((v << r) | (v >>> (logBank - r))) & bankMask;
  }

  private static long lowBits(long v, int bits) {
    return bits >= 63 ? v : v & ((1L << bits) - 1);
  }

  private static boolean weak(int c) {
    return c == 0 || c == -1;
  }

  // ---------------------------------------------------------------- update

  /**
   * Trains the tables with the outcome of the branch last predicted. {@code finalPrediction} is
   * what the whole predictor answered: when it was right, TAGE allocates only rarely.
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
        useAltOnNa[i] = (byte) saturate(useAltOnNa[i], alternatePrediction == taken, useAltMin,
            useAltMax);
      }
    }
    if (finalPrediction == taken && !random.oneIn(5)) {
      allocate = false;
    }
    lowestAllocatedTable = Integer.MAX_VALUE;
    if (allocate) {
      allocate(taken);
    }

    if (hitBank > 0) {
      int e = index[hitBank];
      if (weak(counter[e]) && longestMatchPrediction != taken) {
        // the provider is too young to be trusted alone: train its alternate as well
        if (altBank > 0) {
          int a = index[altBank];
          counter[a] = (byte) saturate(counter[a], taken, counterMin, counterMax);
        } else {
          updateBimodal(taken);
        }
      }
      counter[e] = (byte) saturate(counter[e], taken, counterMin, counterMax);
      if (weak(counter[e])) {
        useful[e] = 0; // it just changed its mind: it cannot have been useful
      }
      if (altBank > 0 && alternatePrediction == taken && longestMatchPrediction == taken
          && useful[e] == 1) {
        int a = counter[index[altBank]];
        if (Math.abs(2 * a + 1) == (1 << config.counterBits()) - 1) {
          useful[e] = 0; // a saturated alternate would have done as well
        }
      }
      if (longestMatchPrediction != alternatePrediction && longestMatchPrediction == taken
          && useful[e] < usefulMax) {
        useful[e]++;
      }
    } else {
      updateBimodal(taken);
    }
  }

  private void updateBimodal(boolean taken) {
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

  /**
   * Allocates up to {@code 1 + extraAllocations} entries in tables with longer histories than the
   * provider, in entries whose u is 0, starting one pair above the provider (sometimes two), and
   * skipping a pair after each allocation. Failures feed the tick that ages u.
   */
  private void allocate(boolean taken) {
    int skip = (random.next() & 127) < 32 ? 2 : 1;
    int pair = (hitBank - 1 + 2 * skip) >> 1;
    int first = random.next() & 1;
    int wanted = config.extraAllocations() + 1;
    boolean protect = config.protectNewEntries();
    int allocated = 0;
    int penalty = 0;
    int hardPenalty = 0;
    for (int p = pair; p < tables / 2 && allocated < wanted; p++) {
      boolean done = false;
      for (int k = 0; k < 2 && !done; k++) {
        int i = 2 * p + 1 + (first ^ k);
        if (!enabled[i]) {
          continue;
        }
        int e = index[i];
        int c = counter[e];
        if (useful[e] == 0) {
          if (protect || Math.abs(2 * c + 1) <= 3) {
            tag[e] = (char) pairTag[tablePair[i]];
            counter[e] = (byte) (taken ? 0 : -1);
            if (protect) {
              useful[e] = (byte) (random.oneIn(5) ? 1 : 0);
            }
            lowestAllocatedTable = Math.min(lowestAllocatedTable, i);
            done = true;
          } else {
            // a confident victim is not replaced at once, but it loses confidence
            counter[e] = (byte) (c > 0 ? c - 1 : c + 1);
          }
        } else {
          if (protect && useful[e] == 1 && weak(c)) {
            if (random.oneIn(3)) {
              useful[e] = 0;
            }
          } else {
            hardPenalty++;
          }
          penalty++;
        }
      }
      if (done) {
        allocated++;
        p++;
      }
    }
    tick += protect ? hardPenalty + penalty - 5 * allocated : penalty - 2 * allocated;
    if (tick < 0) {
      tick = 0;
    }
    if (tick >= tickLimit) {
      ageUseful();
      tick = 0;
    }
  }

  /** Periodic aging: every u counter decays, so entries that stopped helping can be replaced. */
  void ageUseful() {
    byte[] u = useful;
    if (config.protectNewEntries()) {
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

  private static int saturate(int value, boolean up, int min, int max) {
    if (up) {
      return value < max ? value + 1 : value;
    }
    return value > min ? value - 1 : value;
  }

  // ---------------------------------------------------------------- history

  /**
   * Shifts the branch into the global and path histories: two bits per branch (three for
   * indirect ones), mixing the outcome with address bits as the CBP-2016 code does, so that
   * unconditional branches shape the history too.
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
  }

  // ---------------------------------------------------------------- what the companions read

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
