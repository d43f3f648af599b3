package org.bpsim.predictor.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The deprecated parsing members SPI 1 published, which now delegate to org.bpsim.spec. */
@SuppressWarnings("deprecation")
final class PredictorSpecTest {
  /** A provider with one plain key, one choice and one preset-derived key. */
  private static final PredictorProvider PROVIDER = new PredictorProvider() {
    @Override
    public String name() {
      return "demo";
    }

    @Override
    public String description() {
      return "test provider";
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(Parameter.integer("bits", 10, 1, 20, "size"),
          Parameter.choice("budget", List.of("64KB", "8KB"), "preset"),
          Parameter.derivedInteger("tables", 2, 40, "0 = as the budget says"),
          Parameter.text("flags", "free text"));
    }

    @Override
    public BranchPredictor create(PredictorConfig config) {
      throw new UnsupportedOperationException();
    }
  };

  private static PredictorConfig resolve(String spec) {
    return PredictorSpec.parse(spec).resolve(PROVIDER);
  }

  @Test
  void canonicalSpecFillsInDefaultsButLeavesUnsetDerivedKeysToThePreset() {
    assertEquals("demo:bits=10,budget=64KB", resolve("demo").canonicalSpec());
    assertEquals("demo:bits=12,budget=8KB,tables=6",
        resolve(" DEMO : budget=8kb , tables=6,bits=12").canonicalSpec());
    assertEquals(0, resolve("demo").intValue("tables"));
  }

  @Test
  void badSpecsSayWhatIsValid() {
    SpecException unknown = assertThrows(SpecException.class, () -> resolve("demo:size=3"));
    assertTrue(unknown.getMessage().contains("has no key 'size'")
        && unknown.getMessage().contains("bits=1..20"), unknown.getMessage());
    SpecException range = assertThrows(SpecException.class, () -> resolve("demo:bits=21"));
    assertTrue(range.getMessage().contains("out of range (valid: 1..20)"), range.getMessage());
    SpecException word = assertThrows(SpecException.class, () -> resolve("demo:budget=1KB"));
    assertTrue(word.getMessage().contains("valid: 64KB|8KB"), word.getMessage());
    assertThrows(SpecException.class, () -> resolve("demo:bits"));
    assertThrows(SpecException.class, () -> resolve("demo:bits=1,bits=2"));
    assertThrows(SpecException.class, () -> resolve(":bits=1"));
  }

  @Test
  void aQuotedValueKeepsItsCommasAndTheCanonicalSpecQuotesItAgain() {
    PredictorConfig config = resolve("demo:flags=\"-O3,-march=native\",bits=12");
    assertEquals("-O3,-march=native", config.stringValue("flags"));
    assertEquals("12", config.stringValue("bits"));
    assertEquals("demo:bits=12,budget=64KB,flags=\"-O3,-march=native\"", config.canonicalSpec());
    assertEquals(config.canonicalSpec(), resolve(config.canonicalSpec()).canonicalSpec());
  }

  @Test
  void aTextKeyTakesAnyTextAndIsLeftOutUntilSet() {
    assertEquals("demo:bits=10,budget=64KB", resolve("demo").canonicalSpec());
    PredictorConfig config = resolve("demo:flags=-O2 -g");
    assertEquals("-O2 -g", config.stringValue("flags"));
    assertEquals("demo:bits=10,budget=64KB,flags=-O2 -g", config.canonicalSpec());
    assertEquals("text", PROVIDER.parameters().get(3).validValues());
  }

  @Test
  void quotesMustBeClosedAndEncloseTheWholeValue() {
    assertThrows(SpecException.class, () -> PredictorSpec.parse("demo:flags=\"-O3,bits=1"));
    assertThrows(SpecException.class, () -> PredictorSpec.parse("demo:flags=a\"b\""));
    assertThrows(SpecException.class, () -> PredictorSpec.parse("demo:flags=\"a\"b"));
  }

  @Test
  void specsWithoutQuotesParseAsBefore() {
    assertEquals("demo:bits=7,budget=8KB,tables=3",
        resolve("demo:bits=7,budget=8KB,tables=3").canonicalSpec());
    assertThrows(SpecException.class, () -> PredictorSpec.parse("demo:bits=7,,budget=8KB"));
  }

  @Test
  void theLabelIsTheNameKeyWhenSetElseTheSpec() {
    assertEquals("demo:bits=10,budget=64KB", resolve("demo").label());
  }

  @Test
  void parameterValidateStillAnswersWithThePredictorsWording() {
    Parameter bits = PROVIDER.parameters().get(0);
    assertEquals("12", bits.validate("demo", " 12 "));
    assertEquals("predictor 'demo': bits=0 is out of range (valid: 1..20)",
        assertThrows(SpecException.class, () -> bits.validate("demo", "0")).getMessage());
    assertEquals("8KB", PROVIDER.parameters().get(1).validate("demo", "8kb"));
  }

  @Test
  void aConfigBuiltDirectlyNamesItselfAsOneResolvedFromItsSpec() {
    PredictorConfig built = PredictorConfig.of("demo", resolve("demo:bits=3").values(),
        java.util.Set.of("tables", "flags"));
    assertEquals(resolve("demo:bits=3").canonicalSpec(), built.canonicalSpec());
    assertEquals(3, built.intValue("bits"));
  }
}
