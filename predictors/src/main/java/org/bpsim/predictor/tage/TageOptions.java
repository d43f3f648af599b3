package org.bpsim.predictor.tage;

import java.util.List;
import java.util.function.ObjIntConsumer;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.SpecException;

/**
 * The spec keys shared by the TAGE family: a {@code budget} preset and the TAGE shape keys, each
 * of which overrides the preset when it is not 0.
 */
public final class TageOptions {
  private TageOptions() {
  }

  /**
   * One shape key: its name, largest value and documentation (as {@code bpsim predictors} shows
   * them), and what it sets. Written once here, read both for the provider's parameters and to
   * apply a spec's values.
   */
  private record Setting(String key, int max, String documentation,
      ObjIntConsumer<TageConfig.Builder> setter) {
    Parameter parameter() {
      return Parameter.derivedInteger(key, 0, max, documentation);
    }
  }

  /** In the order {@code bpsim predictors} lists them; {@code tables} first, as it rescales. */
  private static final List<Setting> SETTINGS = List.of(
      new Setting("tables", 62, "tagged tables, even (0 = preset: 36 / 30)",
          TageConfig.Builder::tablesInProportion),
      new Setting("min_history", 16384, "shortest history (0 = preset: 6 / 4)",
          TageConfig.Builder::minHistory),
      new Setting("max_history", 16384,
          "longest history in history bits (0 = preset: 3000 / 1000)",
          TageConfig.Builder::maxHistory),
      new Setting("log_bank_entries", 20, "log2 entries per bank (0 = preset: 10 / 7)",
          TageConfig.Builder::logBankEntries),
      new Setting("short_banks", 256, "banks of the short-history tables (0 = preset: 10 / 9)",
          TageConfig.Builder::shortBanks),
      new Setting("long_banks", 256, "banks of the long-history tables (0 = preset: 20 / 17)",
          TageConfig.Builder::longBanks),
      new Setting("short_tag_bits", 16, "tag width, short histories (0 = 8)",
          TageConfig.Builder::shortTagBits),
      new Setting("long_tag_bits", 16, "tag width, long histories (0 = 12)",
          TageConfig.Builder::longTagBits),
      new Setting("counter_bits", 7, "prediction counter width (0 = 3)",
          TageConfig.Builder::counterBits),
      new Setting("u_bits", 4, "useful counter width (0 = preset: 1 / 2)",
          TageConfig.Builder::usefulBits),
      new Setting("bimodal_bits", 24, "log2 bimodal entries (0 = preset: 13 / 12)",
          TageConfig.Builder::logBimodal));

  public static Parameter budgetParameter() {
    return Parameter.choice("budget", Budget.keys(),
        "CBP-2016 preset and storage limit (64KB = 526,336 bits, 8KB = 67,584 bits; none = "
            + "64KB sizes, no limit)");
  }

  /** The TAGE shape keys; 0 keeps the preset's value. */
  public static List<Parameter> shapeParameters() {
    return SETTINGS.stream().map(Setting::parameter).toList();
  }

  public static Budget budget(PredictorConfig config) {
    return Budget.of(config.stringValue("budget"));
  }

  /** The preset TAGE of the budget with the user's overrides applied. */
  public static TageConfig tage(PredictorConfig config) {
    TageConfig.Builder builder = budget(config).preset().toBuilder();
    for (Setting setting : SETTINGS) {
      int value = config.intValue(setting.key());
      if (value != 0) {
        setting.setter().accept(builder, value);
      }
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new SpecException("predictor '" + config.name() + "': " + e.getMessage());
    }
  }
}
