package org.bpsim.cache.replacement.rrip;

import java.util.List;
import org.bpsim.cache.replacement.ReplacementContext;
import org.bpsim.cache.replacement.ReplacementPolicy;
import org.bpsim.cache.replacement.ReplacementPolicyProvider;
import org.bpsim.spec.SpecKey;

/** The three RRIP variants as plugins: {@code srrip}, {@code brrip} and {@code drrip}. */
public final class RripProviders {
  private RripProviders() {
  }

  abstract static class Base implements ReplacementPolicyProvider {
    private final String name;
    private final String description;
    private final RripPolicy.Insertion insertion;

    Base(String name, String description, RripPolicy.Insertion insertion) {
      this.name = name;
      this.description = description;
      this.insertion = insertion;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String description() {
      return description;
    }

    @Override
    public List<SpecKey> parameters() {
      List<SpecKey> common = List.of(
          SpecKey.integer("bits", 2, 1, 7, "bits of re-reference prediction per line"));
      if (insertion == RripPolicy.Insertion.STATIC) {
        return common;
      }
      return List.of(common.get(0),
          SpecKey.integer("throttle", 32, 1, 1 << 20,
              "BRRIP inserts 'long' once in this many fills, else 'distant'"),
          SpecKey.integer("seed", 1, 0, Long.MAX_VALUE, "seed of the bimodal choice"),
          SpecKey.integer("psel_bits", 10, 1, 30, "set-dueling counter width (DRRIP)"));
    }

    @Override
    public ReplacementPolicy create(ReplacementContext context) {
      int bits = context.intValue("bits");
      if (insertion == RripPolicy.Insertion.STATIC) {
        return new RripPolicy(context.sets(), context.ways(), bits, insertion, 1, 0, 1);
      }
      return new RripPolicy(context.sets(), context.ways(), bits, insertion,
          context.intValue("throttle"), context.longValue("seed"), context.intValue("psel_bits"));
    }
  }

  /** SRRIP with hit priority. */
  public static final class Static extends Base {
    public Static() {
      super("srrip", "static re-reference interval prediction (Jaleel et al. 2010)",
          RripPolicy.Insertion.STATIC);
    }
  }

  /** BRRIP: scan- and thrash-resistant insertion. */
  public static final class Bimodal extends Base {
    public Bimodal() {
      super("brrip", "bimodal RRIP: inserts 'distant' except once in 'throttle' fills",
          RripPolicy.Insertion.BIMODAL);
    }
  }

  /** DRRIP: SRRIP or BRRIP by set dueling. */
  public static final class Dynamic extends Base {
    public Dynamic() {
      super("drrip", "dynamic RRIP: SRRIP or BRRIP chosen by set dueling",
          RripPolicy.Insertion.DYNAMIC);
    }
  }
}
