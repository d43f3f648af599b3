package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.machine.Machines;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CBP-2025 predictor in C++ that logs every hook call (kind, {@code seq_no}, {@code piece},
 * cycle, the direction passed) gets, in the kit's timing model, the calls of the kit's own loop
 * ({@code uarchsim_t::step}, restated in {@link KitHookLoop}) fed the cycles the model computed
 * for each micro-op. On the shared int sample's first 20,000 instructions. Skipped without a
 * C++ compiler.
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

  @RegisterExtension
  static final NativeCompilerCache CACHE = new NativeCompilerCache();

  @TempDir
  static Path work;

  @Test
  void everyHookComesInTheKitsOrderAtTheModelsCycles() throws Exception {
    Path sample = SharedMaterial.traceOrSkip("cbp2025/sample_int_trace.gz");
    Path log = work.resolve("hooks.log");
    Path dir = Files.createDirectories(work.resolve("logger"));
    Files.writeString(dir.resolve("cond_branch_predictor_interface.cc"),
        LOGGER.replace("LOG", log.toString()));
    PredictorRegistry registry = PredictorRegistry.builtIn();
    BranchPredictor cpp = registry.create(registry.resolve("cbp2025:dir=" + dir));
    List<KitHookLoop.Placed> placed = new ArrayList<>();
    Simulation simulation = new Simulation(Machines.preset("cbp2025"), () -> cpp, true, 0,
        20_000);
    simulation.observer = KitHookLoop.recorder(placed);
    try {
      simulation.run(List.of(sample), LlcMode.SHARED);
    } finally {
      ((AutoCloseable) cpp).close();
    }
    List<String> got = Files.readAllLines(log);
    List<String> expected = KitHookLoop.calls(placed, got);
    assertTrue(expected.size() > 100_000, "calls: " + expected.size());
    for (int i = 0; i < Math.min(got.size(), expected.size()); i++) {
      assertEquals(expected.get(i), got.get(i), "call " + i);
    }
    assertEquals(expected.size(), got.size());
    assertTrue(got.stream().anyMatch(l -> l.startsWith("a ")), "loads and stores");
    assertTrue(got.stream().anyMatch(l -> l.startsWith("i ") && !l.split(" ")[2].equals("0")),
        "cracked instructions have pieces beyond 0");
  }
}
