package org.bpsim.predictor.spi;

/**
 * A branch direction predictor. The simulator drives it with two calls per branch, in trace order:
 *
 * <ol>
 *   <li>{@link #predict(long)} for a conditional branch only, before its outcome is known (for
 *       every instruction in a timing model when {@link #predictsEveryInstruction()} says so);
 *   <li>{@link #update(long, long, BranchKind, boolean)} for every branch, conditional or not, with
 *       its resolved outcome. For a conditional branch it directly follows the {@code predict} of
 *       the same branch, so an implementation may keep what it computed there.
 * </ol>
 *
 * <p>Updating immediately after the prediction is the CBP-2016 championship semantics. Calls come
 * from one thread; an instance is never shared between traces. Implementations should allocate
 * nothing in these two methods: they run hundreds of millions of times.
 */
public interface BranchPredictor {

  /** Predicts the direction of the conditional branch at {@code pc}: {@code true} for taken. */
  boolean predict(long pc);

  /**
   * Learns the outcome of a branch.
   *
   * @param pc the branch's address
   * @param target where it went when taken, or 0 where the trace does not say
   * @param kind what kind of branch it is
   * @param taken whether it was taken (always {@code true} for unconditional kinds)
   */
  void update(long pc, long target, BranchKind kind, boolean taken);

  /**
   * Whether a timing model that has the whole instruction stream should call {@link
   * #predict(long)} for every instruction, branch or not, right before the instruction's {@code
   * update} when it is a branch. That is ChampSim's call pattern ({@code predict_branch} for
   * every instruction, because its front end does not know yet which ones are branches), and a
   * predictor that shifts a speculative history in {@code predict} (ChampSim's perceptron)
   * needs it to keep ChampSim's state. The answer for an instruction that is not a conditional
   * branch is not a direction the model scores, only what ChampSim's BTB combines with its
   * {@code always_taken}. Replays of branch traces keep the two calls above; such a predictor
   * must then cope without the extra calls. Default {@code false}: the two calls above only.
   */
  default boolean predictsEveryInstruction() {
    return false;
  }

  /**
   * What {@link #storageBits()} returns when the predictor cannot say what it keeps (a C++
   * submission run unchanged, without {@code storage_bits=}): reports then show the storage as
   * unknown ({@code null} in JSON, an empty CSV cell, "n/a" in tables) and leave the predictor
   * out of storage charts, rather than a plausible "0 KB". Any other negative value is an error.
   */
  long UNKNOWN_STORAGE = -1;

  /**
   * The state this predictor keeps, in bits, as a hardware budget would count it, or
   * {@link #UNKNOWN_STORAGE}.
   */
  long storageBits();
}
