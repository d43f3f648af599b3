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
  public static final TageConfig BUDGET_64KB = cbp2016_64KB().build();

  /** The TAGE of the 8 KB CBP-2016 winner: 30 tables, lengths 4..1000, 26 banks of 128. */
  public static final TageConfig BUDGET_8KB = cbp2016_8KB().build();

  /**
   * The TAGE of Seznec's 64 KB submission ({@code cbp64KB}), that of the {@code tage},
   * {@code ltage} and {@code tage-sc-l} presets at {@code budget=64KB} (and {@code none}), and of
   * the CBP-2025 kit's copy of it. His names for the settings in the comments.
   */
  public static Builder cbp2016_64KB() {
    return new Builder()
        .tables(36) // NHIST
        .minHistory(6) // MINHIST
        .maxHistory(3000) // MAXHIST
        .logBankEntries(10) // LOGG
        .shortBanks(10) // NBANKLOW
        .longBanks(20) // NBANKHIGH
        .firstLongTable(13) // BORN
        .firstPairedTable(9) // BORNINFASSOC
        .endPairedTable(23) // BORNSUPASSOC
        .disabledTables(tableSet(4, 8, 30, 34)) // his NOSKIP[i] = false
        .shortTagBits(8)
        .longTagBits(12)
        .counterBits(3) // CWIDTH
        .usefulBits(1) // UWIDTH
        .logBimodal(13) // LOGB
        .hysteresisShift(2) // HYSTSHIFT
        .pathBits(27) // PHISTWIDTH
        .logUseAlt(4) // LOGSIZEUSEALT
        .useAltBits(5) // ALTWIDTH
        .extraAllocations(1) // NNN
        .logUsefulPeriod(10)
        .protectNewEntries(false);
  }

  /**
   * The TAGE of Seznec's 8 KB submission ({@code cbp8KB}), that of the {@code tage},
   * {@code ltage} and {@code tage-sc-l} presets at {@code budget=8KB}: different code as well as
   * different sizes ({@link Builder#protectNewEntries}).
   */
  public static Builder cbp2016_8KB() {
    return new Builder()
        .tables(30)
        .minHistory(4)
        .maxHistory(1000)
        .logBankEntries(7)
        .shortBanks(9)
        .longBanks(17)
        .firstLongTable(11)
        .firstPairedTable(7)
        .endPairedTable(21)
        .disabledTables(0)
        .shortTagBits(8)
        .longTagBits(12)
        .counterBits(3)
        .usefulBits(2)
        .logBimodal(12)
        .hysteresisShift(2)
        .pathBits(27)
        .logUseAlt(3)
        .useAltBits(5)
        .extraAllocations(1)
        .logUsefulPeriod(10)
        .protectNewEntries(true);
  }

  /** The set of tables {@code tables} (1-based), as {@link #disabledTables} holds it. */
  public static long tableSet(int... tables) {
    long set = 0;
    for (int i : tables) {
      set |= 1L << i;
    }
    return set;
  }

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

  /** A builder that starts from this configuration. */
  public Builder toBuilder() {
    return new Builder().tables(tables).minHistory(minHistory).maxHistory(maxHistory)
        .logBankEntries(logBankEntries).shortBanks(shortBanks).longBanks(longBanks)
        .firstLongTable(firstLongTable).firstPairedTable(firstPairedTable)
        .endPairedTable(endPairedTable).disabledTables(disabledTables).shortTagBits(shortTagBits)
        .longTagBits(longTagBits).counterBits(counterBits).usefulBits(usefulBits)
        .logBimodal(logBimodal).hysteresisShift(hysteresisShift).pathBits(pathBits)
        .logUseAlt(logUseAlt).useAltBits(useAltBits).extraAllocations(extraAllocations)
        .logUsefulPeriod(logUsefulPeriod).protectNewEntries(protectNewEntries);
  }

  /**
   * A {@link TageConfig} set by name, one component at a time; {@link #build} checks it. Start
   * from a preset ({@link #cbp2016_64KB()}, {@link #cbp2016_8KB()}) or {@link #toBuilder()}.
   */
  public static final class Builder {
    private int tables;
    private int minHistory;
    private int maxHistory;
    private int logBankEntries;
    private int shortBanks;
    private int longBanks;
    private int firstLongTable;
    private int firstPairedTable;
    private int endPairedTable;
    private long disabledTables;
    private int shortTagBits;
    private int longTagBits;
    private int counterBits;
    private int usefulBits;
    private int logBimodal;
    private int hysteresisShift;
    private int pathBits;
    private int logUseAlt;
    private int useAltBits;
    private int extraAllocations;
    private int logUsefulPeriod;
    private boolean protectNewEntries;

    private Builder() {
    }

    public Builder tables(int value) {
      tables = value;
      return this;
    }

    /**
     * {@code value} tables laid out in the proportions of the current ones (the {@code tables}
     * key): a third short-history tables, the middle ones paired, none left out; the same count
     * keeps the layout as it is.
     */
    public Builder tablesInProportion(int value) {
      if (value != tables) {
        int born = Math.max(1, (int) Math.round((double) value * firstLongTable / tables)) | 1;
        int pairFrom = Math.max(1, (int) Math.round((double) value * firstPairedTable / tables));
        firstLongTable = Math.min(born, value + 1);
        firstPairedTable = pairFrom;
        endPairedTable = Math.max(pairFrom,
            (int) Math.round((double) value * endPairedTable / tables));
        disabledTables = 0;
        tables = value;
      }
      return this;
    }

    public Builder minHistory(int value) {
      minHistory = value;
      return this;
    }

    public Builder maxHistory(int value) {
      maxHistory = value;
      return this;
    }

    public Builder logBankEntries(int value) {
      logBankEntries = value;
      return this;
    }

    public Builder shortBanks(int value) {
      shortBanks = value;
      return this;
    }

    public Builder longBanks(int value) {
      longBanks = value;
      return this;
    }

    public Builder firstLongTable(int value) {
      firstLongTable = value;
      return this;
    }

    public Builder firstPairedTable(int value) {
      firstPairedTable = value;
      return this;
    }

    public Builder endPairedTable(int value) {
      endPairedTable = value;
      return this;
    }

    public Builder disabledTables(long value) {
      disabledTables = value;
      return this;
    }

    public Builder shortTagBits(int value) {
      shortTagBits = value;
      return this;
    }

    public Builder longTagBits(int value) {
      longTagBits = value;
      return this;
    }

    public Builder counterBits(int value) {
      counterBits = value;
      return this;
    }

    public Builder usefulBits(int value) {
      usefulBits = value;
      return this;
    }

    public Builder logBimodal(int value) {
      logBimodal = value;
      return this;
    }

    public Builder hysteresisShift(int value) {
      hysteresisShift = value;
      return this;
    }

    public Builder pathBits(int value) {
      pathBits = value;
      return this;
    }

    public Builder logUseAlt(int value) {
      logUseAlt = value;
      return this;
    }

    public Builder useAltBits(int value) {
      useAltBits = value;
      return this;
    }

    public Builder extraAllocations(int value) {
      extraAllocations = value;
      return this;
    }

    public Builder logUsefulPeriod(int value) {
      logUsefulPeriod = value;
      return this;
    }

    public Builder protectNewEntries(boolean value) {
      protectNewEntries = value;
      return this;
    }

    /** The configuration; throws {@link IllegalArgumentException} naming what is out of range. */
    public TageConfig build() {
      return new TageConfig(tables, minHistory, maxHistory, logBankEntries, shortBanks,
          longBanks, firstLongTable, firstPairedTable, endPairedTable, disabledTables,
          shortTagBits, longTagBits, counterBits, usefulBits, logBimodal, hysteresisShift,
          pathBits, logUseAlt, useAltBits, extraAllocations, logUsefulPeriod, protectNewEntries);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "TAGE %d tables, history %d..%d, %d+%d banks of %d",
        tables, minHistory, maxHistory, shortBanks, longBanks, 1 << logBankEntries);
  }
}
