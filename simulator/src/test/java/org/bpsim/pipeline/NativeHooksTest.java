package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.machine.Machines;
import org.bpsim.predictor.cbpnative.NativeBuild;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CBP-2025 predictor in C++ that logs every hook call (kind, {@code seq_no}, {@code piece},
 * cycle, the direction passed) gets, in the kit's timing model, the calls of the kit's own loop
 * ({@code uarchsim_t::step}): rebuilt here literally, cycle by cycle, from the cycles the model
 * computed for each micro-op (fetch, address generation, execute, retire) and the logged
 * predictions. On the shared int sample's first 20,000 instructions. Skipped without a C++
 * compiler.
 */
final class NativeHooksTest {
  private static final String LOGGER = """
      #include "lib/sim_common_structs.h"
      #include <cstdio>
      static FILE* out;
      void beginCondDirPredictor() { out = fopen("LOG", "w"); }
      void notify_instr_fetch(uint64_t s, uint8_t p, uint64_t pc, const uint64_t c) {
        fprintf(out, "i %lu %u %lu %lu\\n", s, p, pc, c);
      }
      bool get_cond_dir_prediction(uint64_t s, uint8_t p, uint64_t pc, const uint64_t c) {
        bool guess = ((pc >> 2) ^ s) & 1;
        fprintf(out, "p %lu %u %lu %d\\n", s, p, c, guess);
        return guess;
      }
      void spec_update(uint64_t s, uint8_t p, uint64_t pc, InstClass k, const bool taken,
                       const bool pred, const uint64_t next) {
        fprintf(out, "s %lu %u %d %d %d\\n", s, p, (int) k, taken, pred);
      }
      void notify_instr_decode(uint64_t s, uint8_t p, uint64_t pc, const DecodeInfo& d,
                               const uint64_t c) {
        fprintf(out, "d %lu %u %lu\\n", s, p, c);
      }
      void notify_agen_complete(uint64_t s, uint8_t p, uint64_t pc, const DecodeInfo& d,
                                const uint64_t va, const uint64_t sz, const uint64_t c) {
        fprintf(out, "a %lu %u %lu %d\\n", s, p, c, is_mem(d.insn_class) && sz > 0);
      }
      void notify_instr_execute_resolve(uint64_t s, uint8_t p, uint64_t pc, const bool pred,
                                        const ExecuteInfo& e, const uint64_t c) {
        fprintf(out, "x %lu %u %lu %d\\n", s, p, c, pred);
      }
      void notify_instr_commit(uint64_t s, uint8_t p, uint64_t pc, const bool pred,
                               const ExecuteInfo& e, const uint64_t c) {
        fprintf(out, "c %lu %u %lu %d\\n", s, p, c, pred);
      }
      void endCondDirPredictor() { fclose(out); }
      """;

  @TempDir
  static Path work;

  private static String previousCache;

  @BeforeAll
  static void useATemporaryCache() {
    previousCache = System.getProperty("bpsim.cache.dir");
    assumeTrue(NativeBuild.compiler().isPresent(),
        "no C++ compiler ($CXX, c++ or g++): native predictor tests skipped");
    System.setProperty("bpsim.cache.dir", work.resolve("cache").toString());
  }

  @AfterAll
  static void restoreTheCache() {
    if (previousCache == null) {
      System.clearProperty("bpsim.cache.dir");
    } else {
      System.setProperty("bpsim.cache.dir", previousCache);
    }
  }

  /** One micro-op as the model placed it. */
  private record Placed(long seq, int piece, long pc, long fetch, long agen, long execute,
      long retire) {
  }

  @Test
  void everyHookComesInTheKitsOrderAtTheModelsCycles() throws Exception {
    Path sample = SharedMaterial.traceOrSkip("cbp2025/sample_int_trace.gz");
    Path log = work.resolve("hooks.log");
    Path dir = Files.createDirectories(work.resolve("logger"));
    Files.writeString(dir.resolve("cond_branch_predictor_interface.cc"),
        LOGGER.replace("LOG", log.toString()));
    PredictorRegistry registry = PredictorRegistry.builtIn();
    BranchPredictor cpp = registry.create(registry.resolve("cbp2025:dir=" + dir));
    List<Placed> placed = new ArrayList<>();
    Simulation simulation = new Simulation(Machines.preset("cbp2025"), () -> cpp, true, 0,
        20_000);
    simulation.observer = new Core.MicroOpObserver() {
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
    try {
      simulation.run(List.of(sample), LlcMode.SHARED);
    } finally {
      ((AutoCloseable) cpp).close();
    }
    List<String> got = Files.readAllLines(log);
    List<String> expected = theKitsLoop(placed, got);
    assertTrue(expected.size() > 100_000, "calls: " + expected.size());
    for (int i = 0; i < Math.min(got.size(), expected.size()); i++) {
      assertEquals(expected.get(i), got.get(i), "call " + i);
    }
    assertEquals(expected.size(), got.size());
    assertTrue(got.stream().anyMatch(l -> l.startsWith("a ")), "loads and stores");
    assertTrue(got.stream().anyMatch(l -> l.startsWith("i ") && !l.split(" ")[2].equals("0")),
        "cracked instructions have pieces beyond 0");
  }

  /**
   * The kit's {@code step} per micro-op: the cycles since the previous fetch (its own included),
   * each with decodes, address generations, executions (each list in fetch order) and commits;
   * then the fetch hook, the prediction and the history update. The directions are the logged
   * predictions (the logger's own function of pc and seq_no); the branch classes come from the
   * logged {@code spec_update}s.
   */
  private static List<String> theKitsLoop(List<Placed> placed, List<String> log) {
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
