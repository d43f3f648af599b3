package org.bpsim.predictor.tage;

import java.util.Locale;
import org.bpsim.predictor.common.GeometricHistoryLengths;

/**
 * The shape of a TAGE predictor, as in Seznec's CBP-2016 designs: {@code tables} tagged tables
 * grouped in pairs that share a history length (so {@code tables / 2} geometric lengths), stored
 * bank-interleaved in two shared arrays of {@code 2^logBankEntries}-entry banks, one for the short
 * histories (tables below {@code firstLongTable}, {@code shortTagBits}-bit tags) and one for the
 * long ones ({@code longTagBits}-bit tags). Only one table of a pair is kept outside
 * {@code [firstPairedTable, endPairedTable)}, which makes those lengths two-way associative.
 *
 * @param tables number of tagged tables (even)
 * @param minHistory shortest history length, in history bits
 * @param maxHistory longest history length, in history bits
 * @param logBankEntries log2 of the entries of one bank
 * @param shortBanks banks shared by the short-history tables
 * @param longBanks banks shared by the long-history tables
 * @param firstLongTable first table (1-based) in the long-history banks
 * @param firstPairedTable first table where both tables of a pair are kept
 * @param endPairedTable first table after the paired ones
 * @param disabledTables tables left out altogether (bit i set = table i unused)
 * @param shortTagBits tag width of the short-history tables
 * @param longTagBits tag width of the long-history tables
 * @param counterBits width of the tagged prediction counters
 * @param usefulBits width of the useful counters
 * @param logBimodal log2 of the entries of the bimodal base predictor
 * @param hysteresisShift log2 of the bimodal entries sharing one hysteresis bit
 * @param pathBits width of the path history
 * @param logUseAlt log2 of the number of USE_ALT_ON_NA counters
 * @param useAltBits width of the USE_ALT_ON_NA counters
 * @param extraAllocations entries allocated on a misprediction beyond the first
 * @param logUsefulPeriod log2 of the allocation-failure count that triggers u aging
 * @param protectNewEntries the 8 KB submission's code rather than the 64 KB one's: its index and
 *     tag hashes, its unmasked path history, its allocation that protects some new entries and
 *     its u aging by decrement (see {@link TageEngine})
 */
public record TageConfig(int tables, int minHistory, int maxHistory, int logBankEntries,
    int shortBanks, int longBanks, int firstLongTable, int firstPairedTable, int endPairedTable,
    long disabledTables, int shortTagBits, int longTagBits, int counterBits, int usefulBits,
    int logBimodal, int hysteresisShift, int pathBits, int logUseAlt, int useAltBits,
    int extraAllocations, int logUsefulPeriod, boolean protectNewEntries) {

  /** CBP-2016 limit for the 64 KB track: 64 KB plus 2048 bits. */
  public static final long BUDGET_64KB_BITS = 65536L * 8 + 2048;
  /** CBP-2016 limit for the 8 KB track: 8 KB plus 2048 bits. */
  public static final long BUDGET_8KB_BITS = 8192L * 8 + 2048;

  /** The TAGE of the 64 KB CBP-2016 winner: 36 tables, lengths 6..3000, 30 banks of 1K. */
  public static final TageConfig BUDGET_64KB = new TageConfig(36, 6, 3000, 10, 10, 20, 13, 9,
      23, (1L << 4) | (1L << 8) | (1L << 30) | (1L << 34), 8, 12, 3, 1, 13, 2, 27, 4, 5, 1, 10,
      false);

  /** The TAGE of the 8 KB CBP-2016 winner: 30 tables, lengths 4..1000, 26 banks of 128. */
  public static final TageConfig BUDGET_8KB = new TageConfig(30, 4, 1000, 7, 9, 17, 11, 7, 21, 0,
      8, 12, 3, 2, 12, 2, 27, 3, 5, 1, 10, true);

  public TageConfig {
    check(tables >= 2 && tables % 2 == 0 && tables <= 62, "tables must be even, 2..62");
    check(minHistory >= 1 && maxHistory >= minHistory && maxHistory <= 16384,
        "need 1 <= min_history <= max_history <= 16384");
    check(logBankEntries >= 4 && logBankEntries <= 20, "log_bank_entries must be 4..20");
    check(shortBanks >= 1 && longBanks >= 1, "bank counts must be >= 1");
    check(firstLongTable >= 1 && firstLongTable <= tables + 1, "first long table out of range");
    check(shortTagBits >= 4 && shortTagBits <= 16 && longTagBits >= 4 && longTagBits <= 16,
        "tag widths must be 4..16");
    check(counterBits >= 2 && counterBits <= 7, "counter_bits must be 2..7");
    check(usefulBits >= 1 && usefulBits <= 4, "u_bits must be 1..4");
    check(logBimodal >= 4 && logBimodal <= 24, "bimodal_bits must be 4..24");
    check(hysteresisShift >= 0 && hysteresisShift < logBimodal, "bad hysteresis sharing");
    check(pathBits >= 1 && pathBits <= 30, "path history width must be 1..30");
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Whether table {@code i} (1-based) exists. */
  public boolean enabled(int i) {
    if ((disabledTables >>> i & 1) != 0) {
      return false;
    }
    boolean secondOfPair = ((i - 1) & 1) != 0;
    return secondOfPair || (i >= firstPairedTable && i < endPairedTable);
  }

  /** History length of each table, index 1..tables (pairs share a length); index 0 unused. */
  public int[] historyLengths() {
    int[] distinct = GeometricHistoryLengths.of(tables / 2, minHistory, maxHistory);
    int[] lengths = new int[tables + 1];
    for (int i = 1; i <= tables; i++) {
      lengths[i] = distinct[(i - 1) / 2];
    }
    return lengths;
  }

  public int tagBits(int table) {
    return table >= firstLongTable ? longTagBits : shortTagBits;
  }

  public long taggedBits() {
    long entries = 1L << logBankEntries;
    return shortBanks * entries * (counterBits + usefulBits + shortTagBits)
        + longBanks * entries * (counterBits + usefulBits + longTagBits);
  }

  public long bimodalBits() {
    return (1L << logBimodal) + (1L << (logBimodal - hysteresisShift));
  }

  public long useAltBitsTotal() {
    return (1L << logUseAlt) * useAltBits;
  }

  /**
   * Storage in bits: tagged tables, bimodal table with its shared hysteresis, USE_ALT_ON_NA
   * counters, the global history register (as long as the longest history), the path history and
   * the u-aging counter. Folded histories and indexes are recomputed from these, so not counted.
   */
  public long storageBits() {
    return taggedBits() + bimodalBits() + useAltBitsTotal() + maxHistory + pathBits
        + logUsefulPeriod;
  }

  /** A copy with the keys a user may override. */
  public TageConfig with(int newTables, int newMin, int newMax, int newLogBank, int newShortBanks,
      int newLongBanks, int newShortTag, int newLongTag, int newCounter, int newUseful,
      int newBimodal) {
    int born = firstLongTable;
    int pairFrom = firstPairedTable;
    int pairTo = endPairedTable;
    long disabled = disabledTables;
    if (newTables != tables) {
      // keep the proportions of the preset: a third short tables, the middle ones paired
      born = Math.max(1, (int) Math.round((double) newTables * firstLongTable / tables)) | 1;
      pairFrom = Math.max(1, (int) Math.round((double) newTables * firstPairedTable / tables));
      pairTo = Math.max(pairFrom, (int) Math.round((double) newTables * endPairedTable / tables));
      disabled = 0;
    }
    return new TageConfig(newTables, newMin, newMax, newLogBank, newShortBanks, newLongBanks,
        Math.min(born, newTables + 1), pairFrom, pairTo, disabled, newShortTag, newLongTag,
        newCounter, newUseful, newBimodal, Math.min(hysteresisShift, newBimodal - 1), pathBits,
        logUseAlt, useAltBits, extraAllocations, logUsefulPeriod, protectNewEntries);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "TAGE %d tables, history %d..%d, %d+%d banks of %d",
        tables, minHistory, maxHistory, shortBanks, longBanks, 1 << logBankEntries);
  }
}
