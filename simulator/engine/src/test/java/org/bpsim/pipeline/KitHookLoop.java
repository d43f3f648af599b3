package org.bpsim.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The CBP-2025 kit's loop ({@code uarchsim_t::step} and its {@code eval_*} stages), restated
 * literally, cycle by cycle, as the reference for the hook calls bpsim's {@link KitHookDriver}
 * makes: given each micro-op's cycles as the model placed it and the predictor's log (in the
 * one-line format of the tests' logging predictors), the calls the kit would make.
 */
final class KitHookLoop {
  private KitHookLoop() {
  }

  /** One micro-op as the model placed it ({@code agen} -1 unless a load or store). */
  record Placed(long seq, int piece, long pc, long fetch, long agen, long execute, long retire) {
  }

  /** An observer that records every micro-op placed into {@code placed}. */
  static Core.MicroOpObserver recorder(List<Placed> placed) {
    return new Core.MicroOpObserver() {
      @Override
      public void placed(long pc, long fetchCycle, long executeCycle) {
      }

      @Override
      public void placedMicroOp(long seqNo, int piece, long pc, long fetchCycle,
          long agenCycle, long executeCycle, long retireCycle) {
        placed.add(new Placed(seqNo, piece, pc, fetchCycle, agenCycle, executeCycle,
            retireCycle));
      }
    };
  }

  /**
   * The kit's {@code step} per micro-op: the cycles since the previous fetch (its own included),
   * each with decodes, address generations, executions (each list in fetch order) and commits;
   * then the fetch hook, the prediction and the history update. The directions are the logged
   * predictions (the logger's own function of pc and seq_no); the branch classes come from the
   * logged {@code spec_update}s.
   */
  static List<String> calls(List<Placed> placed, List<String> log) {
    java.util.Map<Long, Boolean> guesses = new java.util.HashMap<>();
    java.util.Map<Long, String> specs = new java.util.HashMap<>();
    for (String line : log) {
      String[] f = line.split(" ");
      if (f[0].equals("p")) {
        guesses.put(Long.parseLong(f[1]), f[4].equals("1"));
      } else if (f[0].equals("s")) {
        specs.put(Long.parseLong(f[1]), line);
      }
    }
    List<String> calls = new ArrayList<>();
    List<Placed> decodeQueue = new ArrayList<>();
    List<Placed> agenQueue = new ArrayList<>();
    List<Placed> execQueue = new ArrayList<>();
    List<Placed> window = new ArrayList<>();
    long previous = 0;
    for (Placed op : placed) {
      for (long cycle = previous; cycle <= op.fetch(); cycle++) {
        while (!decodeQueue.isEmpty() && decodeQueue.get(0).fetch() + 2 == cycle) {
          Placed d = decodeQueue.remove(0);
          calls.add("d " + d.seq() + " " + d.piece() + " " + cycle);
        }
        for (var it = agenQueue.iterator(); it.hasNext(); ) {
          Placed a = it.next();
          if (a.agen() == cycle) {
            calls.add("a " + a.seq() + " " + a.piece() + " " + cycle + " 1");
            it.remove();
          }
        }
        for (var it = execQueue.iterator(); it.hasNext(); ) {
          Placed x = it.next();
          if (x.execute() == cycle) {
            calls.add("x " + x.seq() + " " + x.piece() + " " + cycle + " " + predicted(x, guesses,
                specs));
            it.remove();
          }
        }
        while (!window.isEmpty() && window.get(0).retire() <= cycle) {
          Placed c = window.remove(0);
          calls.add("c " + c.seq() + " " + c.piece() + " " + cycle + " " + predicted(c, guesses,
              specs));
        }
      }
      previous = op.fetch();
      calls.add("i " + op.seq() + " " + op.piece() + " " + op.pc() + " " + op.fetch());
      if (guesses.containsKey(op.seq())) {
        calls.add("p " + op.seq() + " " + op.piece() + " " + op.fetch() + " "
            + (guesses.get(op.seq()) ? 1 : 0));
      }
      if (specs.containsKey(op.seq())) {
        calls.add(specs.get(op.seq()));
      }
      window.add(op);
      decodeQueue.add(op);
      if (op.agen() >= 0) {
        agenQueue.add(op);
      }
      execQueue.add(op);
    }
    return calls;
  }

  /** What the kit passes as pred_dir: the prediction of a branch, false for anything else. */
  private static int predicted(Placed op, java.util.Map<Long, Boolean> guesses,
      java.util.Map<Long, String> specs) {
    if (guesses.containsKey(op.seq())) {
      return guesses.get(op.seq()) ? 1 : 0;
    }
    return specs.containsKey(op.seq()) ? 1 : 0;
  }
}
