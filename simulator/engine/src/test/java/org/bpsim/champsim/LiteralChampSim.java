package org.bpsim.champsim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bpsim.predictor.spi.BranchKind;

/**
 * Straightforward restatements of ChampSim's branch predictors ({@code branch/*} at 2ff25011),
 * written to be read against ChampSim's source line by line, not to be fast: histories are
 * arrays of booleans shifted by copying, folds are computed from every history bit, the
 * perceptron's update buffer is a deque of records searched from its front. Each has ChampSim's
 * two calls: {@code predictBranch(ip)} and {@code lastBranchResult(ip, target, taken, kind)}.
 */
final class LiteralChampSim {
  private LiteralChampSim() {
  }

  interface Model {
    boolean predictBranch(long ip);

    void lastBranchResult(long ip, long target, boolean taken, BranchKind kind);
  }

  /** fwcounter&lt;BITS&gt;: 0 .. 2^BITS - 1, starting at 0; += saturates. */
  static long saturate(long value, long min, long max) {
    return Math.max(min, Math.min(max, value));
  }

  /** bimodal.h / bimodal.cc. */
  static final class Bimodal implements Model {
    final long[] bimodalTable = new long[16384];
    static final long PRIME = 16381;
    static final long MAXIMUM = 3;

    static int hash(long ip) {
      return (int) Long.remainderUnsigned(ip, PRIME);
    }

    @Override
    public boolean predictBranch(long ip) {
      long value = bimodalTable[hash(ip)];
      return value > (MAXIMUM / 2);
    }

    @Override
    public void lastBranchResult(long ip, long target, boolean taken, BranchKind kind) {
      int i = hash(ip);
      bimodalTable[i] = saturate(bimodalTable[i] + (taken ? 1 : -1), 0, MAXIMUM);
    }
  }

  /** gshare.h / gshare.cc: std::bitset&lt;14&gt; history, ip slices [0,14), [14,28), [28,42). */
  static final class Gshare implements Model {
    static final int GLOBAL_HISTORY_LENGTH = 14;
    static final int GS_HISTORY_TABLE_SIZE = 16384;
    static final int LOG2_HISTORY_TABLE_SIZE = 14;
    final boolean[] branchHistoryVector = new boolean[GLOBAL_HISTORY_LENGTH];
    final long[] gsHistoryTable = new long[GS_HISTORY_TABLE_SIZE];

    /** address::slice&lt;upper, lower&gt;: bits lower .. upper-1, shifted down. */
    static long slice(long ip, int upper, int lower) {
      long value = 0;
      for (int bit = lower; bit < upper && bit < 64; bit++) {
        if (((ip >>> bit) & 1) != 0) {
          value |= 1L << (bit - lower);
        }
      }
      return value;
    }

    long gsTableHash(long ip) {
      long hash = 0;
      for (int i = 0; i < GLOBAL_HISTORY_LENGTH; i++) {
        if (branchHistoryVector[i]) {
          hash |= 1L << i;
        }
      }
      hash ^= slice(ip, LOG2_HISTORY_TABLE_SIZE, 0);
      hash ^= slice(ip, LOG2_HISTORY_TABLE_SIZE + GLOBAL_HISTORY_LENGTH, GLOBAL_HISTORY_LENGTH);
      hash ^= slice(ip, LOG2_HISTORY_TABLE_SIZE + 2 * GLOBAL_HISTORY_LENGTH,
          2 * GLOBAL_HISTORY_LENGTH);
      return Long.remainderUnsigned(hash, GS_HISTORY_TABLE_SIZE);
    }

    @Override
    public boolean predictBranch(long ip) {
      long value = gsHistoryTable[(int) gsTableHash(ip)];
      return value >= 3 / 2;
    }

    @Override
    public void lastBranchResult(long ip, long target, boolean taken, BranchKind kind) {
      int i = (int) gsTableHash(ip);
      gsHistoryTable[i] = saturate(gsHistoryTable[i] + (taken ? 1 : -1), 0, 3);
      // branch_history_vector <<= 1; branch_history_vector[0] = taken;
      for (int b = GLOBAL_HISTORY_LENGTH - 1; b > 0; b--) {
        branchHistoryVector[b] = branchHistoryVector[b - 1];
      }
      branchHistoryVector[0] = taken;
    }
  }

  /**
   * hashed_perceptron.h / .cc with folded_shift_register.h: each table's history is kept as
   * its own array of bits (bit 0 the newest), and value() is the XOR of its 12-bit words.
   */
  static final class HashedPerceptron implements Model {
    static final int NTABLES = 16;
    static final int TABLE_SIZE = 1 << 12;
    static final int THRESHOLD = 1;
    static final int[] HISTORY_LENGTHS =
        {0, 3, 4, 6, 8, 10, 14, 19, 26, 36, 49, 67, 91, 125, 170, 232};
    final long[][] tables = new long[NTABLES][TABLE_SIZE];
    final boolean[][] ghistWords = new boolean[NTABLES][];
    int theta = 10;
    int tc = 0;
    long[] lastIndices = new long[NTABLES];
    int lastYout = 0;

    HashedPerceptron() {
      for (int i = 0; i < NTABLES; i++) {
        ghistWords[i] = new boolean[HISTORY_LENGTHS[i]];
      }
    }

    static long value(boolean[] history) {
      long result = 0;
      for (int k = 0; k < history.length; k++) {
        if (history[k]) {
          result ^= 1L << (k % 12);
        }
      }
      return result;
    }

    static void pushBack(boolean[] history, boolean ins) {
      for (int k = history.length - 1; k > 0; k--) {
        history[k] = history[k - 1];
      }
      if (history.length > 0) {
        history[0] = ins;
      }
    }

    @Override
    public boolean predictBranch(long pc) {
      long pcSlice = pc & (TABLE_SIZE - 1);
      long[] indices = new long[NTABLES];
      int yout = 0;
      for (int i = 0; i < NTABLES; i++) {
        indices[i] = value(ghistWords[i]) ^ pcSlice;
        yout += (int) tables[i][(int) indices[i]];
      }
      lastIndices = indices;
      lastYout = yout;
      return yout >= THRESHOLD;
    }

    @Override
    public void lastBranchResult(long pc, long target, boolean taken, BranchKind kind) {
      for (boolean[] hist : ghistWords) {
        pushBack(hist, taken);
      }
      boolean predictionCorrect = taken == (lastYout >= THRESHOLD);
      boolean predictionWeak = Math.abs(lastYout) < theta;
      if (!predictionCorrect || predictionWeak) {
        for (int i = 0; i < NTABLES; i++) {
          int index = (int) lastIndices[i];
          tables[i][index] = saturate(tables[i][index] + (taken ? 1 : -1), -128, 127);
        }
        adjustThreshold(predictionCorrect);
      }
    }

    void adjustThreshold(boolean correct) {
      final int speed = 18;
      if (!correct) {
        tc++;
        if (tc >= speed) {
          theta++;
          tc = 0;
        }
      } else {
        tc--;
        if (tc <= -speed) {
          theta--;
          tc = 0;
        }
      }
    }
  }

  /** perceptron.h / perceptron.cc. */
  static final class Perceptron implements Model {
    static final int PERCEPTRON_HISTORY = 24;
    static final int NUM_PERCEPTRONS = 163;
    static final int NUM_UPDATE_ENTRIES = 100;

    record PerceptronState(long ip, boolean prediction, long output, boolean[] history) {
    }

    final long[] bias = new long[NUM_PERCEPTRONS];
    final long[][] weights = new long[NUM_PERCEPTRONS][PERCEPTRON_HISTORY];
    final ArrayDeque<PerceptronState> perceptronStateBuf = new ArrayDeque<>();
    boolean[] specGlobalHistory = new boolean[PERCEPTRON_HISTORY];
    boolean[] globalHistory = new boolean[PERCEPTRON_HISTORY];

    static boolean[] shiftedIn(boolean[] history, boolean bit) {
      boolean[] shifted = new boolean[history.length];
      for (int i = history.length - 1; i > 0; i--) {
        shifted[i] = history[i - 1];
      }
      shifted[0] = bit;
      return shifted;
    }

    @Override
    public boolean predictBranch(long ip) {
      int index = (int) Long.remainderUnsigned(ip, NUM_PERCEPTRONS);
      long output = bias[index];
      for (int i = 0; i < PERCEPTRON_HISTORY; i++) {
        output += specGlobalHistory[i] ? weights[index][i] : -weights[index][i];
      }
      boolean prediction = output >= 0;
      perceptronStateBuf.addLast(
          new PerceptronState(ip, prediction, output, specGlobalHistory.clone()));
      if (perceptronStateBuf.size() > NUM_UPDATE_ENTRIES) {
        perceptronStateBuf.removeFirst();
      }
      specGlobalHistory = shiftedIn(specGlobalHistory, prediction);
      return prediction;
    }

    @Override
    public void lastBranchResult(long ip, long target, boolean taken, BranchKind kind) {
      PerceptronState state = null;
      for (Iterator<PerceptronState> it = perceptronStateBuf.iterator(); it.hasNext(); ) {
        PerceptronState s = it.next();
        if (s.ip() == ip) {
          state = s;
          it.remove();
          break;
        }
      }
      if (state == null) {
        return;
      }
      globalHistory = shiftedIn(globalHistory, taken);
      if (state.prediction() != taken) {
        specGlobalHistory = globalHistory.clone();
      }
      long theta = Math.round(1.93 * PERCEPTRON_HISTORY + 14);
      if ((state.output() <= theta && state.output() >= -theta) || state.prediction() != taken) {
        int index = (int) Long.remainderUnsigned(ip, NUM_PERCEPTRONS);
        bias[index] = saturate(bias[index] + (taken ? 1 : -1), -128, 127);
        for (int i = 0; i < PERCEPTRON_HISTORY; i++) {
          boolean mask = taken ? state.history()[i] : !state.history()[i];
          weights[index][i] = saturate(weights[index][i] + (mask ? 1 : -1), -128, 127);
        }
      }
    }
  }

  /** The four models by bpsim's predictor names. */
  static Model named(String name) {
    return switch (name) {
      case "champsim-bimodal" -> new Bimodal();
      case "champsim-gshare" -> new Gshare();
      case "champsim-perceptron" -> new Perceptron();
      case "champsim-hashed-perceptron" -> new HashedPerceptron();
      default -> throw new IllegalArgumentException(name);
    };
  }

  static final List<String> NAMES = new ArrayList<>(List.of("champsim-bimodal",
      "champsim-gshare", "champsim-perceptron", "champsim-hashed-perceptron"));
}
