package org.bpsim.predictor.tagescl;

import static org.bpsim.predictor.common.SaturatingCounters.clampSigned;
import static org.bpsim.predictor.common.SaturatingCounters.ctrupdate;

import java.util.Arrays;
import java.util.List;
import org.bpsim.predictor.tage.TageLookup;

/**
 * The statistical corrector of TAGE-SC-L (Seznec, CBP-2016): a perceptron-like sum of signed
 * counters read from bias tables (indexed by the address and TAGE's confidence) and from GEHL
 * tables on several histories. When the sum disagrees with TAGE strongly enough, it wins; a small
 * chooser handles the cases where TAGE was confident and the sum is small.
 *
 * <p>Each component's sum is doubled when its weight counter says the component tends to be
 * right; the update threshold adapts globally and per address, as in O-GEHL.
 *
 * <p>The CBP-2025 kit's copy of the 64 KB code ({@code cbp2016_tage_sc_l.h}, built with
 * {@code cbp2025Kit}) differs in two values fixed at construction: its GEHL history mask is
 * {@code (1ULL << length) - 1}, so the 40-bit history keeps 40 bits where CBP-2016's int shift
 * keeps 8, and its second local histories start at 3. A staged predictor drives it with
 * {@link #updateHistoryWithNextPc} and re-predicts with {@link #predictFrom}.
 */
public final class StatisticalCorrector {
  private static final int COUNTER_BITS = 6;
  private static final int WEIGHT_BITS = 6;
  private static final int CHOOSER_BITS = 7;
  private static final int THRESHOLD_BITS = 12;
  private static final int LOCAL_THRESHOLD_BITS = 8;
  private static final int LOG_THRESHOLDS = 6;
  private static final int LOG_WEIGHTS = LOG_THRESHOLDS / 2;
  private static final int IMLI_COUNT_BITS = 8;

  private final ScConfig config;
  private final int biasMask;
  private final byte[] bias;
  private final byte[] biasSkewed;
  private final byte[] biasBank;
  private final byte[] biasWeight;

  private final int components;
  private final int[] source;
  private final boolean[] withTagePrediction;
  private final boolean[] inThreshold;
  /** Every component's weights, component c's at {@code c << LOG_WEIGHTS}: one array to read. */
  private final byte[] weight;
  private final int[] firstTable;
  /** Every GEHL table, one after the other. */
  private final byte[] counters;
  private final int[] tableOffset;
  private final int[] tableMask;
  private final int[] tableLength;
  private final int[] tableNumber;
  /** Per table, the mask of its history length, and the five shifts of {@link #gehlShifts}. */
  private final long[] tableLengthMask;
  private final int[] tableShifts;
  /** Per component, 1 if a confident weight raises the update threshold, else 0. */
  private final int[] thresholdBit;

  private int updateThreshold = 35 << 3;
  private final int[] localThreshold = new int[1 << LOG_THRESHOLDS];
  private int firstChooser;
  private int secondChooser;

  private long global;
  private long backward;
  private final long[] local;
  private final long[] secondLocal;
  private final long[] thirdLocal;
  private final long[] imliOutcomes = new long[1 << IMLI_COUNT_BITS];
  private int imliCount;

  // the last prediction, for its update
  private final int[] index;
  private final int[] componentSum;
  private int biasIndex;
  private int biasSkewedIndex;
  private int biasBankIndex;
  private int biasSum;
  private int sum;
  private int threshold;
  private int thresholdIndex;
  private int weightIndex;
  private static final int WEIGHT_MASK = (1 << LOG_WEIGHTS) - 1;
  /** Per component, the weight its sum used (his INDUPDS of the address it was given). */
  private final int[] componentWeight;
  private boolean tageSide;
  private boolean correctorPrediction;
  private boolean highConfidence;
  private boolean mediumConfidence;

  public StatisticalCorrector(ScConfig config) {
    this(config, false);
  }

  /** As Seznec's CBP-2016 code or, with {@code cbp2025Kit}, as the CBP-2025 kit's copy of it. */
  public StatisticalCorrector(ScConfig config, boolean cbp2025Kit) {
    this.config = config;
    this.biasMask = (1 << config.logBias()) - 1;
    this.bias = new byte[1 << config.logBias()];
    this.biasSkewed = new byte[1 << config.logBias()];
    this.biasBank = new byte[1 << config.logBias()];
    // start confident towards the direction the index says TAGE predicted
    int[] biasStart = {-32, 31, -1, 0};
    int[] skewedStart = {-8, 7, -32, 31};
    for (int j = 0; j < bias.length; j++) {
      bias[j] = (byte) biasStart[j & 3];
      biasBank[j] = (byte) biasStart[j & 3];
      biasSkewed[j] = (byte) skewedStart[j & 3];
    }
    this.biasWeight = new byte[1 << LOG_WEIGHTS];
    Arrays.fill(biasWeight, (byte) 4);

    List<ScComponent> list = config.components();
    this.components = list.size();
    this.source = new int[components];
    this.withTagePrediction = new boolean[components];
    this.inThreshold = new boolean[components];
    this.weight = new byte[components << LOG_WEIGHTS];
    this.firstTable = new int[components + 1];
    int tables = 0;
    for (int c = 0; c < components; c++) {
      ScComponent component = list.get(c);
      source[c] = component.history().ordinal();
      withTagePrediction[c] = component.withTagePrediction();
      inThreshold[c] = component.history() != ScHistory.IMLI_OUTCOMES;
      Arrays.fill(weight, c << LOG_WEIGHTS, (c + 1) << LOG_WEIGHTS,
          (byte) (component.history() == ScHistory.IMLI_OUTCOMES ? 0 : 7));
      firstTable[c] = tables;
      tables += component.lengths().length;
    }
    firstTable[components] = tables;
    this.tableOffset = new int[tables];
    this.tableMask = new int[tables];
    this.tableLength = new int[tables];
    this.tableNumber = new int[tables];
    int total = 0;
    for (int c = 0; c < components; c++) {
      ScComponent component = list.get(c);
      for (int k = 0; k < component.lengths().length; k++) {
        int t = firstTable[c] + k;
        tableOffset[t] = total;
        total += component.tableEntries(k);
      }
    }
    this.counters = new byte[total];
    for (int j = 0; j < total; j += 2) {
      counters[j] = -1; // alternate weak not-taken / weak taken (tables have even sizes)
    }
    for (int c = 0; c < components; c++) {
      ScComponent component = list.get(c);
      for (int k = 0; k < component.lengths().length; k++) {
        int t = firstTable[c] + k;
        int entries = component.tableEntries(k);
        tableMask[t] = entries - 1;
        tableLength[t] = component.lengths()[k];
        tableNumber[t] = k;
      }
    }
    this.tableLengthMask = new long[tables];
    this.tableShifts = new int[5 * tables];
    for (int t = 0; t < tables; t++) {
      int length = tableLength[t];
      int k = tableNumber[t];
      // his (long long) ((1 << length) - 1): an int shift, so a 40-bit length keeps 8 bits; the
      // kit's (uint64_t) ((1ULL << length) - 1) keeps 40 (Java shifts count modulo the width,
      // as x86 does)
      tableLengthMask[t] = cbp2025Kit ? (1L << length) - 1 : (long) ((1 << length) - 1);
      System.arraycopy(gehlShifts(k), 0, tableShifts, 5 * t, 5);
    }
    this.thresholdBit = new int[components];
    for (int c = 0; c < components; c++) {
      thresholdBit[c] = inThreshold[c] ? 1 : 0;
    }
    this.local = new long[Math.max(1, config.localHistories())];
    this.secondLocal = new long[Math.max(1, config.secondLocalHistories())];
    this.thirdLocal = new long[Math.max(1, config.thirdLocalHistories())];
    if (cbp2025Kit) {
      Arrays.fill(secondLocal, 3); // the kit's init_histories: S_slhist[i] = 3
    }
    this.index = new int[tables];
    this.componentSum = new int[components];
    this.componentWeight = new int[components];
  }

  private static final int GLOBAL = ScHistory.GLOBAL.ordinal();
  private static final int BACKWARD = ScHistory.BACKWARD.ordinal();
  private static final int PATH = ScHistory.PATH.ordinal();
  private static final int LOCAL = ScHistory.LOCAL.ordinal();
  private static final int SECOND_LOCAL = ScHistory.SECOND_LOCAL.ordinal();
  private static final int THIRD_LOCAL = ScHistory.THIRD_LOCAL.ordinal();
  private static final int IMLI_OUTCOMES = ScHistory.IMLI_OUTCOMES.ordinal();

  /** The current value of history {@code source} (an {@link ScHistory} ordinal) for pc. */
  private long history(int source, int p, long path) {
    if (source == GLOBAL) {
      return global;
    } else if (source == BACKWARD) {
      return backward;
    } else if (source == PATH) {
      return path;
    } else if (source == LOCAL) {
      return local[localIndex(p)];
    } else if (source == SECOND_LOCAL) {
      return secondLocal[secondLocalIndex(p)];
    } else if (source == THIRD_LOCAL) {
      return thirdLocal[thirdLocalIndex(p)];
    } else if (source == IMLI_OUTCOMES) {
      return imliOutcomes[imliCount];
    }
    return imliCount;
  }

  private int localIndex(int p) {
    return (p ^ (p >>> 2)) & (local.length - 1);
  }

  private int secondLocalIndex(int p) {
    return (p ^ (p >>> 5)) & (secondLocal.length - 1);
  }

  private int thirdLocalIndex(int p) {
    return (p ^ (p >>> 10)) & (thirdLocal.length - 1);
  }

  /**
   * The five shifts by which table number {@code k} of a component XORs copies of its masked
   * history onto the address to make its index: a different folding for each table.
   */
  private static int[] gehlShifts(int k) {
    return new int[] {8 - k, 16 - 2 * k, 24 - 3 * k, 32 - 3 * k, 40 - 4 * k};
  }

  private static boolean confident(byte w) {
    return w >= 0;
  }

  /** 1 if {@link #confident}, else 0. */
  private static int confidentBit(byte w) {
    return (w >>> 31) ^ 1;
  }

  /**
   * Corrects {@code tageSide} (TAGE's prediction, possibly overridden by the loop predictor) for
   * the branch at {@code pc}, reading TAGE's provider and confidence from {@code tage}.
   */
  public boolean predict(long pc, TageLookup tage, boolean tageSidePrediction) {
    int p = (int) pc;
    int pred = tageSidePrediction ? 1 : 0;
    tageSide = tageSidePrediction;
    highConfidence = tage.highConfidence();
    mediumConfidence = tage.mediumConfidence();
    boolean low = tage.lowConfidence();
    int hash = p ^ (p >>> 2);
    int disagree = low && tage.longestMatchPrediction() != tage.alternatePrediction() ? 1 : 0;
    biasIndex = ((((hash << 1) ^ disagree) << 1) + pred) & biasMask;
    biasSkewedIndex = ((((p ^ (p >>> (config.logBias() - 2))) << 1)
        ^ (highConfidence ? 1 : 0)) << 1) + pred & biasMask;
    biasBankIndex = (pred + (((tage.hitBank() + 1) / 4) << 4) + ((highConfidence ? 1 : 0) << 1)
        + ((low ? 1 : 0) << 2) + ((tage.altBank() != 0 ? 1 : 0) << 3)
        + (config.biasBankWithAddress() ? hash << 7 : 0)) & biasMask;
    thresholdIndex = hash & ((1 << LOG_THRESHOLDS) - 1);
    weightIndex = hash & ((1 << LOG_WEIGHTS) - 1);

    biasSum = (2 * bias[biasIndex] + 1) + (2 * biasSkewed[biasSkewedIndex] + 1)
        + (2 * biasBank[biasBankIndex] + 1);
    int total = confident(biasWeight[weightIndex]) ? 2 * biasSum : biasSum;
    int thresholdBoost = confident(biasWeight[weightIndex]) ? 1 : 0;
    long path = tage.pathHistory();
    int[] first = firstTable;
    int[] offset = tableOffset;
    int[] mask = tableMask;
    long[] lengthMask = tableLengthMask;
    int[] shifts = tableShifts;
    int[] lastIndex = index;
    byte[] counter = counters;
    byte[] weights = weight;
    for (int c = 0; c < components; c++) {
      long h = history(source[c], p, path);
      long address = withTagePrediction[c] ? ((long) p << 1) + pred : p;
      int s = 0;
      for (int t = first[c], end = first[c + 1]; t < end; t++) {
        // the index folds the masked history onto the address with shifted copies
        long l = h & lengthMask[t];
        int k = 5 * t;
        long x = address ^ l ^ (l >>> shifts[k]) ^ (l >>> shifts[k + 1])
            ^ (l >>> shifts[k + 2]) ^ (l >>> shifts[k + 3]) ^ (l >>> shifts[k + 4]);
        int i = offset[t] + ((int) x & mask[t]);
        lastIndex[t] = i;
        s += 2 * counter[i] + 1;
      }
      componentSum[c] = s;
      // his Gpredict picks the weight (INDUPDS) from the address it is given, which for a
      // component that also holds the prediction is (pc << 1) + prediction; the threshold reads
      // the weight of the plain address. Without branches: whether a weight is confident
      // depends on the address, so a branch on it would often be mispredicted; a confident
      // component counts double
      int w = withTagePrediction[c] ? (int) (address ^ (address >>> 2)) & WEIGHT_MASK : weightIndex;
      componentWeight[c] = w;
      int row = c << LOG_WEIGHTS;
      total += s << confidentBit(weights[row + w]);
      thresholdBoost += confidentBit(weights[row + weightIndex]) & thresholdBit[c];
    }
    sum = total;
    threshold = (updateThreshold >> 3) + localThreshold[thresholdIndex]
        + config.weightStep() * thresholdBoost;
    correctorPrediction = sum >= 0;

    boolean prediction = tageSidePrediction;
    if (tageSidePrediction != correctorPrediction) {
      prediction = correctorPrediction;
      int magnitude = Math.abs(sum);
      if (highConfidence) {
        if (magnitude < threshold / 4) {
          prediction = tageSidePrediction;
        } else if (magnitude < threshold / 2) {
          prediction = secondChooser < 0 ? correctorPrediction : tageSidePrediction;
        }
      }
      if (mediumConfidence && magnitude < threshold / 4) {
        prediction = firstChooser < 0 ? correctorPrediction : tageSidePrediction;
      }
    }
    return prediction;
  }

  /** Trains on the outcome of the branch last predicted. */
  public void update(boolean taken) {
    int magnitude = Math.abs(sum);
    if (tageSide != correctorPrediction) {
      if (highConfidence && magnitude < threshold / 2 && magnitude >= threshold / 4) {
        secondChooser = ctrupdate(secondChooser, tageSide == taken, CHOOSER_BITS);
      }
      if (mediumConfidence && magnitude < threshold / 4) {
        firstChooser = ctrupdate(firstChooser, tageSide == taken, CHOOSER_BITS);
      }
    }
    if (correctorPrediction == taken && magnitude >= threshold) {
      return;
    }
    int step = correctorPrediction != taken ? 1 : -1;
    localThreshold[thresholdIndex] = clampSigned(localThreshold[thresholdIndex] + step,
        LOCAL_THRESHOLD_BITS);
    updateThreshold = clampSigned(updateThreshold + step, THRESHOLD_BITS);

    trainWeight(biasWeight, weightIndex, biasSum, taken);
    bias[biasIndex] = (byte) ctrupdate(bias[biasIndex], taken, COUNTER_BITS);
    biasSkewed[biasSkewedIndex] = (byte) ctrupdate(biasSkewed[biasSkewedIndex], taken,
        COUNTER_BITS);
    biasBank[biasBankIndex] = (byte) ctrupdate(biasBank[biasBankIndex], taken, COUNTER_BITS);
    for (int c = 0; c < components; c++) {
      trainWeight(weight, (c << LOG_WEIGHTS) + componentWeight[c], componentSum[c], taken);
      for (int t = firstTable[c]; t < firstTable[c + 1]; t++) {
        int i = index[t];
        counters[i] = (byte) ctrupdate(counters[i], taken, COUNTER_BITS);
      }
    }
  }

  /** A component's weight learns whether the component flips the sum the right way. */
  private void trainWeight(byte[] weights, int at, int componentTotal, boolean taken) {
    byte w = weights[at];
    int without = sum - (confident(w) ? componentTotal : 0);
    if ((without + componentTotal >= 0) != (without >= 0)) {
      weights[at] = (byte) ctrupdate(w, (componentTotal >= 0) == taken, WEIGHT_BITS);
    }
  }

  /** Shifts a conditional branch into the corrector's own histories. */
  public void updateHistory(long pc, long target, boolean taken) {
    // his "target < PC": a loop-closing (backward) branch. A taken branch cannot go to address
    // 0, so a target of 0 there means the trace does not know it (CBP-1 text traces): not a
    // backward branch. A not-taken branch's target of 0 is compared as it is, below the pc, as
    // his code sees it where the trace gives no target for the fall-through (ChampSim)
    shiftHistories((int) pc, taken,
        Long.compareUnsigned(target, pc) < 0 && !(taken && target == 0));
  }

  /**
   * The kit's {@code HistoryUpdate} of the corrector's histories: the same shifts, with "backward"
   * read as {@code nextPC < PC}, the address of the instruction that follows the branch. So a
   * not-taken branch (next: pc + 4) is never backward, and IMLIcount, which only a not-taken
   * backward branch resets, is never reset.
   */
  public void updateHistoryWithNextPc(long pc, long nextPc, boolean taken) {
    shiftHistories((int) pc, taken, Long.compareUnsigned(nextPc, pc) < 0);
  }

  /** His HistoryUpdate's conditional-branch part for the corrector (IMHIST, IMLIcount, ...). */
  private void shiftHistories(int p, boolean taken, boolean isBackward) {
    int t = taken ? 1 : 0;
    imliOutcomes[imliCount] = (imliOutcomes[imliCount] << 1) + t;
    if (isBackward) {
      if (!taken) {
        imliCount = 0;
      } else if (imliCount < (1 << IMLI_COUNT_BITS) - 1) {
        imliCount++;
      }
    }
    global = (global << 1) + t;
    backward = (backward << 1) + (taken && isBackward ? 1 : 0);
    int li = localIndex(p);
    local[li] = (local[li] << 1) + t;
    int si = secondLocalIndex(p);
    secondLocal[si] = ((secondLocal[si] << 1) + t) ^ (p & 15);
    int ti = thirdLocalIndex(p);
    thirdLocal[ti] = (thirdLocal[ti] << 1) + t;
  }

  /**
   * What a prediction of one branch reads of the corrector's own histories: GHIST (here the
   * backward history), the global outcomes, the three local histories at the branch's entries,
   * IMHIST at IMLIcount, and IMLIcount. The CBP-2025 kit saves its whole history at fetch and
   * predicts the branch again with it at execute; that prediction reads only these, so they are
   * what a staged predictor keeps per branch in flight. Made by {@link #newPredictionHistory()};
   * reused, nothing is allocated per save.
   */
  public static final class PredictionHistory {
    private long global;
    private long backward;
    private long local;
    private long secondLocal;
    private long thirdLocal;
    private long imliOutcomes;
    private int imliCount;
  }

  /** An empty prediction history. */
  public PredictionHistory newPredictionHistory() {
    return new PredictionHistory();
  }

  /** Saves into {@code into} what a prediction of {@code pc} now would read. */
  public void savePredictionHistory(long pc, PredictionHistory into) {
    int p = (int) pc;
    into.global = global;
    into.backward = backward;
    into.local = local[localIndex(p)];
    into.secondLocal = secondLocal[secondLocalIndex(p)];
    into.thirdLocal = thirdLocal[thirdLocalIndex(p)];
    into.imliCount = imliCount;
    into.imliOutcomes = imliOutcomes[imliCount];
  }

  /**
   * {@link #predict} with the histories {@code saved} for this {@code pc} (the kit's
   * {@code predict_using_given_hist} at execute) against the current tables, weights and
   * thresholds; the live histories are as before when it returns. Its {@link #update} then trains
   * what this prediction read. TAGE's path history is read from {@code tage} as it stands (a
   * staged predictor exchanges TAGE's saved history in around this call).
   */
  public boolean predictFrom(long pc, TageLookup tage, boolean tageSidePrediction,
      PredictionHistory saved) {
    int p = (int) pc;
    int li = localIndex(p);
    int si = secondLocalIndex(p);
    int ti = thirdLocalIndex(p);
    long liveGlobal = global;
    long liveBackward = backward;
    long liveLocal = local[li];
    long liveSecond = secondLocal[si];
    long liveThird = thirdLocal[ti];
    int liveCount = imliCount;
    long liveOutcomes = imliOutcomes[saved.imliCount];
    global = saved.global;
    backward = saved.backward;
    local[li] = saved.local;
    secondLocal[si] = saved.secondLocal;
    thirdLocal[ti] = saved.thirdLocal;
    imliCount = saved.imliCount;
    imliOutcomes[saved.imliCount] = saved.imliOutcomes;
    boolean prediction = predict(pc, tage, tageSidePrediction);
    imliOutcomes[saved.imliCount] = liveOutcomes;
    imliCount = liveCount;
    thirdLocal[ti] = liveThird;
    secondLocal[si] = liveSecond;
    local[li] = liveLocal;
    backward = liveBackward;
    global = liveGlobal;
    return prediction;
  }

  /** The sum of the last prediction (positive: taken), for tests. */
  int sum() {
    return sum;
  }

  /** The threshold the last prediction was judged against, for tests. */
  int threshold() {
    return threshold;
  }

  /**
   * Storage in bits: counters of every table, weights, thresholds, choosers, and the history
   * registers it keeps itself (TAGE's path history is shared, so not counted here).
   */
  public long storageBits() {
    long bits = 3L * (1 << config.logBias()) * COUNTER_BITS;
    bits += (long) counters.length * COUNTER_BITS;
    bits += (components + 1L) * (1 << LOG_WEIGHTS) * WEIGHT_BITS;
    bits += (1L << LOG_THRESHOLDS) * LOCAL_THRESHOLD_BITS
        + (config.globalThresholdCounted() ? THRESHOLD_BITS : 0);
    bits += 2L * CHOOSER_BITS;
    int imliCounterBits = 0;
    for (ScComponent component : config.components()) {
      long longest = component.longest();
      switch (component.history()) {
        case GLOBAL, BACKWARD -> bits += longest;
        case LOCAL -> bits += config.localHistories() * longest;
        case SECOND_LOCAL -> bits += config.secondLocalHistories() * longest;
        case THIRD_LOCAL -> bits += config.thirdLocalHistories() * longest;
        case IMLI_OUTCOMES -> {
          bits += (1L << IMLI_COUNT_BITS) * longest;
          imliCounterBits = IMLI_COUNT_BITS;
        }
        case IMLI_COUNT -> imliCounterBits = IMLI_COUNT_BITS;
        default -> {
        }
      }
    }
    return bits + imliCounterBits;
  }
}
