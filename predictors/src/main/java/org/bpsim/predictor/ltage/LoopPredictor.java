package org.bpsim.predictor.ltage;

import org.bpsim.predictor.tage.RandomSource;

/**
 * The loop predictor of L-TAGE (Seznec, CBP-2 2006) as kept in TAGE-SC-L: a small 4-way skewed
 * table of loop-closing branches, each entry learning a loop's trip count. Once the same count has
 * been seen often enough, it predicts the exit of the loop exactly, which a global history
 * predictor cannot do for long loops.
 *
 * <p>An entry: past trip count (10 bits), current iteration (10 bits), tag (10 bits), confidence
 * (4 bits), age (4 bits) and the direction of the loop body (1 bit).
 */
public final class LoopPredictor {
  private static final int ITERATION_BITS = 10;
  private static final int TAG_BITS = 10;
  private static final int CONFIDENCE_MAX = 15;
  private static final int AGE_MAX = 15;
  private static final int ENTRY_BITS = 2 * ITERATION_BITS + TAG_BITS + 4 + 4 + 1;

  private final int setBits;
  private final char[] tripCount;
  private final char[] iteration;
  private final char[] tag;
  private final byte[] confidence;
  private final byte[] age;
  private final boolean[] direction;
  private final RandomSource random;

  // the last lookup
  private int set;
  private int skew;
  private int lookupTag;
  private int hitWay;
  private boolean valid;
  private boolean prediction;

  /** {@code 2^logEntries} entries (at least 4: one set of four ways). */
  public LoopPredictor(int logEntries, RandomSource random) {
    if (logEntries < 2 || logEntries > 16) {
      throw new IllegalArgumentException("loop predictor log entries must be 2..16");
    }
    int entries = 1 << logEntries;
    this.setBits = logEntries - 2;
    this.tripCount = new char[entries];
    this.iteration = new char[entries];
    this.tag = new char[entries];
    this.confidence = new byte[entries];
    this.age = new byte[entries];
    this.direction = new boolean[entries];
    this.random = random;
  }

  private int entry(int way) {
    // each way sees the set number scrambled differently (skewed associativity)
    return (set ^ ((skew >>> way) << 2)) + way;
  }

  /** Looks {@code pc} up; {@link #valid()} says whether the answer can be trusted. */
  public boolean predict(long pc) {
    int p = (int) pc;
    int setMask = (1 << setBits) - 1;
    set = ((p ^ (p >>> 2)) & setMask) << 2;
    skew = (p >>> setBits) & setMask;
    int t = (p >>> setBits) & ((1 << (2 * TAG_BITS)) - 1);
    lookupTag = (t ^ (t >>> TAG_BITS)) & ((1 << TAG_BITS) - 1);
    hitWay = -1;
    valid = false;
    prediction = false;
    for (int way = 0; way < 4; way++) {
      int e = entry(way);
      if (tag[e] == lookupTag) {
        hitWay = way;
        valid = confidence[e] == CONFIDENCE_MAX || confidence[e] * tripCount[e] > 128;
        prediction = iteration[e] + 1 == tripCount[e] ? !direction[e] : direction[e];
        return prediction;
      }
    }
    return false;
  }

  public boolean valid() {
    return valid;
  }

  public boolean prediction() {
    return prediction;
  }

  /**
   * Learns the outcome of the branch last looked up. {@code otherPrediction} is what the rest of
   * the predictor said (agreeing entries age more slowly); {@code allocate} asks for an entry when
   * the branch missed the table, normally after a misprediction.
   */
  public void update(boolean taken, boolean otherPrediction, boolean allocate) {
    if (hitWay >= 0) {
      int e = entry(hitWay);
      if (valid) {
        if (taken != prediction) {
          free(e);
          return;
        }
        if ((prediction != otherPrediction || (random.next() & 7) == 0) && age[e] < AGE_MAX) {
          age[e]++;
        }
      }
      iteration[e] = (char) ((iteration[e] + 1) & ((1 << ITERATION_BITS) - 1));
      if (iteration[e] > tripCount[e]) {
        // longer than the learnt trip count: learn again from scratch
        confidence[e] = 0;
        tripCount[e] = 0;
      }
      if (taken != direction[e]) {
        if (iteration[e] == tripCount[e]) {
          if (confidence[e] < CONFIDENCE_MAX) {
            confidence[e]++;
          }
          if (tripCount[e] < 3) {
            // loops of one or two iterations are left to TAGE
            direction[e] = taken;
            tripCount[e] = 0;
            age[e] = 0;
            confidence[e] = 0;
          }
        } else if (tripCount[e] == 0) {
          confidence[e] = 0;
          tripCount[e] = iteration[e];
        } else {
          tripCount[e] = 0;
          confidence[e] = 0;
        }
        iteration[e] = 0;
      }
    } else if (allocate) {
      int way = random.next() & 3;
      if ((random.next() & 3) == 0) {
        int e = entry(way);
        if (age[e] == 0) {
          // most mispredictions are loop exits, so the body goes the other way
          direction[e] = !taken;
          tag[e] = (char) lookupTag;
          tripCount[e] = 0;
          age[e] = 7;
          confidence[e] = 0;
          iteration[e] = 0;
        } else {
          age[e]--;
        }
      }
    }
  }

  /**
   * Makes this table an exact copy of {@code other}'s entries (not of its last lookup): the CBP-2025
   * kit checkpoints its loop table at fetch, trains it speculatively and puts the saved copy back
   * when a branch turns out mispredicted. Both must have the same size; nothing is allocated.
   */
  public void copyTableFrom(LoopPredictor other) {
    if (other.tag.length != tag.length) {
      throw new IllegalArgumentException("loop tables of different sizes");
    }
    System.arraycopy(other.tripCount, 0, tripCount, 0, tripCount.length);
    System.arraycopy(other.iteration, 0, iteration, 0, iteration.length);
    System.arraycopy(other.tag, 0, tag, 0, tag.length);
    System.arraycopy(other.confidence, 0, confidence, 0, confidence.length);
    System.arraycopy(other.age, 0, age, 0, age.length);
    System.arraycopy(other.direction, 0, direction, 0, direction.length);
  }

  private void free(int e) {
    tripCount[e] = 0;
    age[e] = 0;
    confidence[e] = 0;
    iteration[e] = 0;
  }

  public long storageBits() {
    return (long) tag.length * ENTRY_BITS;
  }
}
