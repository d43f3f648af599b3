package org.bpsim.predictor.tage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.SpecException;
import org.junit.jupiter.api.Test;

final class TageConfigTest {

  /**
   * The presets, written with named settings, are the rows of numbers they replaced, component for
   * component (the order of the record).
   */
  @Test
  void thePresetsAreTheCbp2016Rows() {
    assertEquals(new TageConfig(36, 6, 3000, 10, 10, 20, 13, 9, 23,
        (1L << 4) | (1L << 8) | (1L << 30) | (1L << 34), 8, 12, 3, 1, 13, 2, 27, 4, 5, 1, 10,
        false), TageConfig.BUDGET_64KB);
    assertEquals(new TageConfig(30, 4, 1000, 7, 9, 17, 11, 7, 21, 0, 8, 12, 3, 2, 12, 2, 27, 3, 5,
        1, 10, true), TageConfig.BUDGET_8KB);
    assertEquals(TageConfig.BUDGET_64KB, Budget.NONE.preset());
    assertEquals(TageConfig.BUDGET_8KB, Budget.KB8.preset());
  }

  @Test
  void aBuilderFromAConfigurationBuildsItAgain() {
    assertEquals(TageConfig.BUDGET_64KB, TageConfig.BUDGET_64KB.toBuilder().build());
    assertEquals(TageConfig.BUDGET_8KB, TageConfig.BUDGET_8KB.toBuilder().build());
  }

  /** Another table count keeps the preset's proportions: a third short, the middle paired. */
  @Test
  void theTablesKeyRescalesTheLayout() {
    TageConfig twenty = TageConfig.cbp2016_64KB().tablesInProportion(20).build();
    // BORN: round(20 * 13 / 36) = 7, odd; pairs from round(20 * 9 / 36) = 5 to
    // round(20 * 23 / 36) = 13; no table left out
    assertEquals(7, twenty.firstLongTable());
    assertEquals(5, twenty.firstPairedTable());
    assertEquals(13, twenty.endPairedTable());
    assertEquals(0, twenty.disabledTables());
    assertEquals(TageConfig.BUDGET_64KB,
        TageConfig.cbp2016_64KB().tablesInProportion(36).build(), "same count, same layout");
  }

  /**
   * bimodal_bits below 4 is refused before the hysteresis sharing (2 in both presets) could
   * stop fitting, so the key sets the bimodal width alone.
   */
  @Test
  void aTooNarrowBimodalIsRefusedByItsOwnRule() {
    for (int bits = 1; bits <= 3; bits++) {
      TageConfig.Builder builder = TageConfig.cbp2016_64KB().logBimodal(bits);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
      assertEquals("bimodal_bits must be 4..24", e.getMessage());
    }
  }

  /** The spec keys set the settings their table names, and a bad value names its rule. */
  @Test
  void specKeysApplyThroughTheirSettings() {
    PredictorRegistry registry = PredictorRegistry.builtIn();
    TageConfig expected = TageConfig.cbp2016_64KB().tablesInProportion(20).usefulBits(2)
        .minHistory(5).maxHistory(700).logBankEntries(9).shortBanks(4).longBanks(8)
        .shortTagBits(9).longTagBits(13).counterBits(4).logBimodal(14).build();
    assertEquals(expected, TageOptions.tage(registry.resolve("tage:budget=none,tables=20,u_bits=2,"
        + "min_history=5,max_history=700,log_bank_entries=9,short_banks=4,long_banks=8,"
        + "short_tag_bits=9,long_tag_bits=13,counter_bits=4,bimodal_bits=14")));
    assertEquals(TageConfig.BUDGET_8KB, TageOptions.tage(registry.resolve("tage:budget=8KB")));
    SpecException e = assertThrows(SpecException.class,
        () -> TageOptions.tage(registry.resolve("tage:budget=none,tables=7")));
    assertTrue(e.getMessage().contains("tables must be even"), e.getMessage());
  }

  @Test
  void everyShapeKeyIsListedOnceWithZeroForThePreset() {
    List<String> keys = TageOptions.shapeParameters().stream().map(Parameter::key).toList();
    assertEquals(List.of("tables", "min_history", "max_history", "log_bank_entries",
        "short_banks", "long_banks", "short_tag_bits", "long_tag_bits", "counter_bits", "u_bits",
        "bimodal_bits"), keys);
  }

  @Test
  void pairsOfTablesShareOneLength() {
    int[] lengths = TageConfig.BUDGET_64KB.historyLengths();
    for (int i = 1; i < lengths.length; i += 2) {
      assertEquals(lengths[i], lengths[i + 1], "pair " + i);
    }
    assertEquals(6, lengths[1]);
    assertEquals(3000, lengths[36]);
    assertEquals(4, TageConfig.BUDGET_8KB.historyLengths()[1]);
    assertEquals(1000, TageConfig.BUDGET_8KB.historyLengths()[30]);
  }
}
