package org.bpsim.predictor.tage;

import java.util.List;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;

/**
 * The spec keys shared by the TAGE family: a {@code budget} preset and the TAGE shape keys, each
 * of which overrides the preset when it is not 0.
 */
public final class TageOptions {
  private TageOptions() {
  }

  public static Parameter budgetParameter() {
    return Parameter.choice("budget", Budget.keys(),
        "CBP-2016 preset and storage limit (64KB = 526,336 bits, 8KB = 67,584 bits; none = "
            + "64KB sizes, no limit)");
  }

  /** The TAGE shape keys; 0 keeps the preset's value. */
  public static List<Parameter> shapeParameters() {
    return List.of(
        Parameter.derivedInteger("tables", 0, 62, "tagged tables, even (0 = preset: 36 / 30)"),
        Parameter.derivedInteger("min_history", 0, 16384, "shortest history (0 = preset: 6 / 4)"),
        Parameter.derivedInteger("max_history", 0, 16384,
            "longest history in history bits (0 = preset: 3000 / 1000)"),
        Parameter.derivedInteger("log_bank_entries", 0, 20,
            "log2 entries per bank (0 = preset: 10 / 7)"),
        Parameter.derivedInteger("short_banks", 0, 256,
            "banks of the short-history tables (0 = preset: 10 / 9)"),
        Parameter.derivedInteger("long_banks", 0, 256,
            "banks of the long-history tables (0 = preset: 20 / 17)"),
        Parameter.derivedInteger("short_tag_bits", 0, 16, "tag width, short histories (0 = 8)"),
        Parameter.derivedInteger("long_tag_bits", 0, 16, "tag width, long histories (0 = 12)"),
        Parameter.derivedInteger("counter_bits", 0, 7, "prediction counter width (0 = 3)"),
        Parameter.derivedInteger("u_bits", 0, 4, "useful counter width (0 = preset: 1 / 2)"),
        Parameter.derivedInteger("bimodal_bits", 0, 24,
            "log2 bimodal entries (0 = preset: 13 / 12)"));
  }

  public static Budget budget(PredictorConfig config) {
    return Budget.of(config.stringValue("budget"));
  }

  /** The preset TAGE of the budget with the user's overrides applied. */
  public static TageConfig tage(PredictorConfig config) {
    Budget budget = budget(config);
    TageConfig preset = budget == Budget.KB8 ? TageConfig.BUDGET_8KB : TageConfig.BUDGET_64KB;
    try {
      return preset.with(
          or(config, "tables", preset.tables()),
          or(config, "min_history", preset.minHistory()),
          or(config, "max_history", preset.maxHistory()),
          or(config, "log_bank_entries", preset.logBankEntries()),
          or(config, "short_banks", preset.shortBanks()),
          or(config, "long_banks", preset.longBanks()),
          or(config, "short_tag_bits", preset.shortTagBits()),
          or(config, "long_tag_bits", preset.longTagBits()),
          or(config, "counter_bits", preset.counterBits()),
          or(config, "u_bits", preset.usefulBits()),
          or(config, "bimodal_bits", preset.logBimodal()));
    } catch (IllegalArgumentException e) {
      throw new org.bpsim.predictor.spi.SpecException(
          "predictor '" + config.name() + "': " + e.getMessage());
    }
  }

  private static int or(PredictorConfig config, String key, int preset) {
    int value = config.intValue(key);
    return value == 0 ? preset : value;
  }
}
