package org.bpsim.predictor.tage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.SpecException;
import org.junit.jupiter.api.Test;

final class TageStorageTest {
  private final PredictorRegistry registry = PredictorRegistry.builtIn();

  private long bits(String spec) {
    return registry.create(registry.resolve(spec)).storageBits();
  }

  @Test
  void storageIsTheSumOfTheTablesAndRegisters() {
    for (TageConfig c : new TageConfig[] {TageConfig.BUDGET_64KB, TageConfig.BUDGET_8KB}) {
      long entries = 1L << c.logBankEntries();
      long tagged = c.shortBanks() * entries * (c.counterBits() + c.usefulBits()
          + c.shortTagBits()) + c.longBanks() * entries * (c.counterBits() + c.usefulBits()
          + c.longTagBits());
      long bimodal = (1L << c.logBimodal()) + (1L << (c.logBimodal() - c.hysteresisShift()));
      long useAlt = (1L << c.logUseAlt()) * c.useAltBits();
      long registers = c.maxHistory() + c.pathBits() + c.logUsefulPeriod();
      assertEquals(tagged + bimodal + useAlt + registers, c.storageBits(), c.toString());
    }
  }

  @Test
  void presetsHaveTheChampionshipTageSizes() {
    // the sizes Seznec's CBP-2016 code reports for its TAGE part
    assertEquals(463_917, bits("tage:budget=64KB"));
    assertEquals(58_165, bits("tage:budget=8KB"));
  }

  @Test
  void everyPresetFitsItsBudget() {
    for (String name : new String[] {"tage", "ltage", "tage-sc-l"}) {
      assertTrue(bits(name + ":budget=64KB") <= TageConfig.BUDGET_64KB_BITS, name);
      assertTrue(bits(name + ":budget=8KB") <= TageConfig.BUDGET_8KB_BITS, name);
    }
  }

  @Test
  void aConfigurationOverItsBudgetIsRejectedWithTheStorageItNeeds() {
    SpecException e = assertThrows(SpecException.class,
        () -> registry.resolve("tage:budget=8KB,log_bank_entries=10"));
    long needed = TageConfig.cbp2016_8KB().logBankEntries(10).build().storageBits();
    assertTrue(e.getMessage().contains(String.format(java.util.Locale.ROOT, "%,d bits", needed)),
        e.getMessage());
    assertTrue(e.getMessage().contains("8KB"), e.getMessage());
    assertThrows(SpecException.class, () -> registry.resolve("tage-sc-l:budget=64KB,long_banks=24"));
  }

  @Test
  void withoutABudgetAnySizeIsAccepted() {
    long bits = bits("tage:budget=none,log_bank_entries=12");
    assertTrue(bits > TageConfig.BUDGET_64KB_BITS);
  }

  @Test
  void shapeKeysOverrideThePreset() {
    long smaller = bits("tage:budget=64KB,long_tag_bits=11");
    assertEquals(463_917 - 20L * 1024, smaller);
  }
}
