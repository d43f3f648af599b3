package org.bpsim.examples.local;

import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;
import org.bpsim.predictor.spi.SpecException;

/**
 * {@code local-history:bht_bits=B,history=H,patterns=pag|pap}: what bpsim shows in
 * {@code bpsim predictors} and how it builds the predictor from a spec.
 */
public final class LocalHistoryProvider implements PredictorProvider {
  /** Keeps a typo like bht_bits=24 from asking for gigabytes. */
  private static final long MAX_STORAGE_BITS = 64L * 1024 * 1024 * 8;

  @Override
  public String name() {
    return "local-history";
  }

  @Override
  public String description() {
    return "two-level local-history predictor, PAg or PAp (Yeh & Patt 1991) - example plugin";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.integer("bht_bits", 10, 1, 20, "log2 of the branch history table entries"),
        Parameter.integer("history", 10, 1, 16, "bits of local history per entry"),
        Parameter.choice("patterns", List.of("pag", "pap"),
            "pag: one pattern table for all; pap: one per history entry"));
  }

  @Override
  public void validate(PredictorConfig config) {
    long bits = storage(config);
    if (bits > MAX_STORAGE_BITS) {
      throw new SpecException("local-history: " + config.canonicalSpec() + " needs " + bits
          + " bits, more than the " + MAX_STORAGE_BITS + " this example allows");
    }
  }

  private static long storage(PredictorConfig config) {
    int bht = config.intValue("bht_bits");
    int history = config.intValue("history");
    long tables = config.stringValue("patterns").equals("pap") ? 1L << bht : 1;
    return (1L << bht) * history + 2 * (tables << history);
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    return new LocalHistoryPredictor(config.intValue("bht_bits"), config.intValue("history"),
        config.stringValue("patterns").equals("pap"));
  }
}
