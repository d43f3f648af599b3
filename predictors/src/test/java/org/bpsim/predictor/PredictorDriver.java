package org.bpsim.predictor;

import java.util.SplittableRandom;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;

/** Drives a predictor the way the replay engine does, for tests of learning behaviour. */
public final class PredictorDriver {
  private PredictorDriver() {
  }

  /** Predicts then updates one conditional branch; returns whether the prediction was right. */
  public static boolean step(BranchPredictor predictor, long pc, boolean taken) {
    boolean predicted = predictor.predict(pc);
    predictor.update(pc, pc + 64, BranchKind.CONDITIONAL, taken);
    return predicted == taken;
  }

  /**
   * Runs one branch at {@code pc} through {@code pattern} repeated {@code rounds} times and
   * returns the mispredictions in the last {@code counted} outcomes.
   */
  public static int mispredictionsAtTheEnd(BranchPredictor predictor, long pc, boolean[] pattern,
      int rounds, int counted) {
    int total = pattern.length * rounds;
    int missed = 0;
    for (int i = 0; i < total; i++) {
      boolean right = step(predictor, pc, pattern[i % pattern.length]);
      if (!right && i >= total - counted) {
        missed++;
      }
    }
    return missed;
  }

  /** A random periodic pattern of the given period that is not constant (unless period 1). */
  public static boolean[] randomPattern(SplittableRandom random, int period) {
    boolean[] pattern = new boolean[period];
    for (int i = 0; i < period; i++) {
      pattern[i] = random.nextBoolean();
    }
    return pattern;
  }

  /**
   * Replays a seeded random mix of branch kinds, pcs and outcomes and returns the predictions as
   * a string of T/N, so two runs can be compared for determinism.
   */
  public static String predictionsOnRandomStream(BranchPredictor predictor, long seed,
      int branches) {
    SplittableRandom random = new SplittableRandom(seed);
    BranchKind[] kinds = BranchKind.values();
    StringBuilder predictions = new StringBuilder(branches);
    for (int i = 0; i < branches; i++) {
      long pc = 0x400000L + 4L * random.nextInt(512);
      BranchKind kind = random.nextInt(4) == 0 ? kinds[random.nextInt(kinds.length)]
          : BranchKind.CONDITIONAL;
      boolean taken = kind != BranchKind.CONDITIONAL || random.nextInt(3) != 0;
      if (kind == BranchKind.CONDITIONAL) {
        predictions.append(predictor.predict(pc) ? 'T' : 'N');
      }
      predictor.update(pc, pc + 4L * random.nextInt(64), kind, taken);
    }
    return predictions.toString();
  }
}
