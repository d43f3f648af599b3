package org.bpsim.predictor.tage;

import java.util.List;
import java.util.Locale;
import org.bpsim.predictor.spi.SpecException;

/** The storage budgets of the CBP-2016 tracks, as the {@code budget} key names them. */
public enum Budget {
  KB64("64KB", TageConfig.BUDGET_64KB_BITS),
  KB8("8KB", TageConfig.BUDGET_8KB_BITS),
  NONE("none", Long.MAX_VALUE);

  private final String key;
  private final long limitBits;

  Budget(String key, long limitBits) {
    this.key = key;
    this.limitBits = limitBits;
  }

  public String key() {
    return key;
  }

  public long limitBits() {
    return limitBits;
  }

  /** The TAGE this budget starts from: the 64 KB submission's for {@code none}. */
  public TageConfig preset() {
    return this == KB8 ? TageConfig.BUDGET_8KB : TageConfig.BUDGET_64KB;
  }

  /** The words the {@code budget} key accepts, the default first. */
  public static List<String> keys() {
    return List.of(KB64.key, KB8.key, NONE.key);
  }

  public static Budget of(String key) {
    for (Budget budget : values()) {
      if (budget.key.equalsIgnoreCase(key)) {
        return budget;
      }
    }
    throw new SpecException("unknown budget '" + key + "' (valid: 64KB|8KB|none)");
  }

  /** Rejects a configuration whose storage exceeds this budget, saying how much it needs. */
  public void check(String predictor, String spec, long neededBits) {
    if (neededBits > limitBits) {
      throw new SpecException(String.format(Locale.ROOT,
          "predictor '%s': %s needs %,d bits (%.2f KB), over the %s budget of %,d bits"
              + " (%s + 2048 bits)",
          predictor, spec, neededBits, neededBits / 8192.0, key, limitBits, key));
    }
  }
}
