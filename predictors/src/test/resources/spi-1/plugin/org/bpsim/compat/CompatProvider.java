package org.bpsim.compat;

import java.util.List;
import java.util.Map;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;
import org.bpsim.predictor.spi.PredictorSpec;
import org.bpsim.predictor.spi.SpecException;

/**
 * A plugin built against SPI 1: {@code compat:bits=B,limit=L,mode=taken|counter,...}. Its
 * {@link #validate} also calls the host-side members SPI 1 published, and refuses the spec,
 * naming the member, when one of them no longer answers as it did.
 */
public final class CompatProvider implements PredictorProvider {
  @Override
  public String name() {
    return "compat";
  }

  @Override
  public String description() {
    return "a plugin built against SPI 1";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.integer("bits", 10, 1, 20, "log2 of the counters"),
        Parameter.derivedInteger("limit", 1, 20, "largest bits allowed; 0: no limit"),
        Parameter.choice("mode", List.of("counter", "taken"), "what it predicts with"),
        Parameter.text("note", "free text"),
        new Parameter("seed", "initial counter value", "2", 0, 3, List.of()),
        new Parameter("depth", "unused, derived", "0", 0, 9, List.of(), true),
        new Parameter("label", "unused, text", "", 0, 0, List.of(), true, true));
  }

  @Override
  public void validate(PredictorConfig config) {
    Parameter bits = parameters().get(0);
    expect(bits.validate("compat", " 12 ").equals("12"), "Parameter.validate");
    try {
      bits.validate("compat", "99");
      expect(false, "Parameter.validate of an out-of-range value");
    } catch (SpecException e) {
      expect(e.getMessage().equals("predictor 'compat': bits=99 is out of range (valid: 1..20)"),
          "Parameter.validate's message: " + e.getMessage());
    }
    Parameter mode = parameters().get(2);
    expect(mode.validate("compat", "TAKEN").equals("taken"), "Parameter.validate of a choice");
    expect(bits.validValues().equals("1..20") && mode.validValues().equals("counter|taken")
        && parameters().get(3).validValues().equals("text"), "Parameter.validValues");
    expect(bits.isInteger() && !mode.isInteger() && parameters().get(3).text()
        && parameters().get(1).derived() && !bits.derived(), "Parameter's kinds");
    expect(bits.key().equals("bits") && bits.defaultValue().equals("10") && bits.min() == 1
        && bits.max() == 20 && bits.choices().isEmpty() && !bits.description().isEmpty(),
        "Parameter's components");
    expect(PredictorSpec.quote("a,b").equals("\"a,b\"") && PredictorSpec.quote("a").equals("a"),
        "PredictorSpec.quote");
    PredictorSpec parsed = PredictorSpec.parse(config.canonicalSpec());
    expect(parsed.name().equals(config.name()), "PredictorSpec.parse's name");
    PredictorConfig again = parsed.resolve(new Plain(parameters()));
    expect(again.canonicalSpec().equals(config.canonicalSpec())
        && again.values().equals(config.values()), "PredictorSpec.resolve");
    expect(new PredictorSpec("compat", Map.of("bits", "3")).values().get("bits").equals("3"),
        "PredictorSpec's constructor");
    try {
      PredictorSpec.parse("compat:bits");
      expect(false, "PredictorSpec.parse of a bad spec");
    } catch (SpecException e) {
      expect(e.getMessage().equals("predictor spec 'compat:bits': 'bits' is not key=value"),
          "PredictorSpec.parse's message: " + e.getMessage());
    }
    expect(config.toString().equals(config.canonicalSpec()) && config.label() != null
        && config.longValue("bits") == config.intValue("bits"), "PredictorConfig's getters");
    int limit = config.intValue("limit");
    if (limit != 0 && config.intValue("bits") > limit) {
      throw new SpecException("compat: bits=" + config.intValue("bits") + " is more than limit="
          + limit);
    }
  }

  private static void expect(boolean holds, String member) {
    if (!holds) {
      throw new SpecException("compat: SPI 1's " + member + " no longer answers as it did");
    }
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    return new CompatPredictor(config.intValue("bits"), config.stringValue("mode"),
        config.intValue("seed"));
  }

  /** The same keys without the checks above, for {@link PredictorSpec#resolve}. */
  private static final class Plain implements PredictorProvider {
    private final List<Parameter> parameters;

    Plain(List<Parameter> parameters) {
      this.parameters = parameters;
    }

    @Override
    public String name() {
      return "compat";
    }

    @Override
    public String description() {
      return "plain";
    }

    @Override
    public List<Parameter> parameters() {
      return parameters;
    }

    @Override
    public BranchPredictor create(PredictorConfig config) {
      throw new UnsupportedOperationException();
    }
  }
}
