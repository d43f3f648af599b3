package org.bpsim.predictor.champsim;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;

/**
 * ChampSim's {@code perceptron} (Jiménez and Lin, HPCA 2001): 163 perceptrons of a bias and 24
 * eight-bit weights ({@code sfwcounter<8>}, 0 at first), chosen by {@code ip mod 163}; the
 * output is the bias plus each weight added where its history bit is set and subtracted where
 * not; taken when the output is at least 0.
 *
 * <p>As in ChampSim, {@code predict} shifts its own prediction into a speculative global
 * history ({@code spec_global_history}) and records the ip, prediction, output and history it
 * used in a buffer of at most 100 entries ({@code perceptron_state_buf}, the oldest dropped).
 * ChampSim calls it for every instruction, so the speculative history and the buffer fill with
 * non-branch instructions too. {@code update} ({@code last_branch_result}) takes the oldest
 * buffered entry with the branch's ip (none: no update), shifts the outcome into the real
 * history, restores the speculative history from it when the prediction was wrong, and trains
 * the perceptron with the recorded history when the prediction was wrong or the output was
 * within ±THETA, THETA = round(1.93 × 24 + 14) = 60.
 */
public final class ChampSimPerceptron implements BranchPredictor {
  static final int PERCEPTRON_HISTORY = 24;
  static final int PERCEPTRON_BITS = 8;
  static final int NUM_PERCEPTRONS = 163;
  static final int NUM_UPDATE_ENTRIES = 100;
  static final int THETA = (int) Math.round(1.93 * PERCEPTRON_HISTORY + 14);
  private static final int HISTORY_MASK = (1 << PERCEPTRON_HISTORY) - 1;
  private static final int MAX_WEIGHT = (1 << (PERCEPTRON_BITS - 1)) - 1;
  private static final int MIN_WEIGHT = -(1 << (PERCEPTRON_BITS - 1));
  /** One slot more than ChampSim keeps: it pushes, then drops the front beyond 100. */
  private static final int BUFFER = NUM_UPDATE_ENTRIES + 1;

  /** Perceptron {@code p}: bias at {@code p * 25}, weight {@code i} at {@code p * 25 + 1 + i}. */
  private final int[] weights = new int[NUM_PERCEPTRONS * (PERCEPTRON_HISTORY + 1)];
  private int specGlobalHistory;
  private int globalHistory;

  /** {@code perceptron_state_buf} as a ring: entry {@code k} at {@code (head + k) % BUFFER}. */
  private final long[] stateIp = new long[BUFFER];
  private final boolean[] statePrediction = new boolean[BUFFER];
  private final int[] stateOutput = new int[BUFFER];
  private final int[] stateHistory = new int[BUFFER];
  private int head;
  private int size;
  /** Whether the last call was a prediction for {@link #lastPc} not yet followed by update. */
  private boolean predicted;
  private long lastPc;

  private static int index(long ip) {
    return (int) Long.remainderUnsigned(ip, NUM_PERCEPTRONS);
  }

  @Override
  public boolean predict(long pc) {
    int base = index(pc) * (PERCEPTRON_HISTORY + 1);
    int history = specGlobalHistory;
    int output = weights[base];
    for (int i = 0; i < PERCEPTRON_HISTORY; i++) {
      int w = weights[base + 1 + i];
      output += ((history >>> i) & 1) != 0 ? w : -w;
    }
    boolean prediction = output >= 0;
    int slot = (head + size) % BUFFER;
    stateIp[slot] = pc;
    statePrediction[slot] = prediction;
    stateOutput[slot] = output;
    stateHistory[slot] = history;
    size++;
    if (size > NUM_UPDATE_ENTRIES) {
      head = (head + 1) % BUFFER;
      size--;
    }
    specGlobalHistory = ((history << 1) | (prediction ? 1 : 0)) & HISTORY_MASK;
    predicted = true;
    lastPc = pc;
    return prediction;
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    if (!predicted || lastPc != pc) {
      // A driver that predicts conditional branches only: ChampSim would have predicted this.
      predict(pc);
    }
    predicted = false;
    int found = -1;
    for (int k = 0; k < size; k++) {
      if (stateIp[(head + k) % BUFFER] == pc) {
        found = k;
        break;
      }
    }
    if (found < 0) {
      return;
    }
    int slot = (head + found) % BUFFER;
    boolean prediction = statePrediction[slot];
    int output = stateOutput[slot];
    int history = stateHistory[slot];
    erase(found);

    globalHistory = ((globalHistory << 1) | (taken ? 1 : 0)) & HISTORY_MASK;
    if (prediction != taken) {
      specGlobalHistory = globalHistory;
    }
    if ((output <= THETA && output >= -THETA) || prediction != taken) {
      int base = index(pc) * (PERCEPTRON_HISTORY + 1);
      weights[base] = saturate(weights[base] + (taken ? 1 : -1));
      for (int i = 0; i < PERCEPTRON_HISTORY; i++) {
        boolean bit = ((history >>> i) & 1) != 0;
        int at = base + 1 + i;
        weights[at] = saturate(weights[at] + (bit == taken ? 1 : -1));
      }
    }
  }

  /** Removes buffered entry {@code k}, keeping the others in order. */
  private void erase(int k) {
    for (int j = k; j < size - 1; j++) {
      int to = (head + j) % BUFFER;
      int from = (head + j + 1) % BUFFER;
      stateIp[to] = stateIp[from];
      statePrediction[to] = statePrediction[from];
      stateOutput[to] = stateOutput[from];
      stateHistory[to] = stateHistory[from];
    }
    size--;
  }

  private static int saturate(int value) {
    return Math.max(MIN_WEIGHT, Math.min(MAX_WEIGHT, value));
  }

  @Override
  public boolean predictsEveryInstruction() {
    return true;
  }

  /**
   * The perceptrons (163 × 25 × 8 = 32,600 bits, ChampSim's own budget) and the speculative and
   * real histories (2 × 24 bits). The update buffer stands for the state a pipeline carries with
   * each branch in flight and is not counted.
   */
  @Override
  public long storageBits() {
    return (long) NUM_PERCEPTRONS * (PERCEPTRON_HISTORY + 1) * PERCEPTRON_BITS
        + 2 * PERCEPTRON_HISTORY;
  }
}
