package org.bpsim.predictor.ltage;

/**
 * The 7-bit counter (WITHLOOP in L-TAGE) that learns whether the loop predictor, when confident,
 * should override the rest: trained only when the two disagree.
 */
public final class LoopChooser {
  public static final int BITS = 7;
  private int counter = -1;

  public boolean useLoop(LoopPredictor loop) {
    return counter >= 0 && loop.valid();
  }

  /**
   * Takes {@code other}'s state: the CBP-2025 kit keeps WITHLOOP in its checkpointed history and
   * puts the saved value back when a branch turns out mispredicted.
   */
  public void copyFrom(LoopChooser other) {
    counter = other.counter;
  }

  /** Learns from a branch whose loop prediction was valid and differed from {@code other}. */
  public void update(LoopPredictor loop, boolean other, boolean taken) {
    if (loop.valid() && loop.prediction() != other) {
      boolean loopRight = loop.prediction() == taken;
      if (loopRight && counter < (1 << (BITS - 1)) - 1) {
        counter++;
      } else if (!loopRight && counter > -(1 << (BITS - 1))) {
        counter--;
      }
    }
  }
}
