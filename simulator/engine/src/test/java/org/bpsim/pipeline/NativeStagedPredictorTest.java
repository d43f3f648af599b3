package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.machine.Machines;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.StagedBranchPredictor;
import org.bpsim.replay.PredictorGuard;
import org.bpsim.trace.SharedMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code cbp2025:} predictor in the kit's timing model is staged: a gshare restated in C++ in
 * the CBP-2025 interface (index taken at prediction, history moved at {@code spec_update},
 * trained at execute) mispredicts on the shared int sample exactly as the Java
 * {@link StagedGshare}, hook for hook; one that crashes is a {@link PredictorFailure} naming the
 * signal. Skipped without a C++ compiler.
 */
final class NativeStagedPredictorTest {
  private static final String GSHARE = """
      #include "lib/sim_common_structs.h"
      #include <unordered_map>
      static const uint64_t MASK = (1ull << 17) - 1;
      static uint64_t history = 0;
      static unsigned char counters[1 << 17];
      static std::unordered_map<uint64_t, uint64_t> in_flight;
      static uint64_t predictions = 0;
      void beginCondDirPredictor() { for (auto& c : counters) c = 2; }
      bool get_cond_dir_prediction(uint64_t seq_no, uint8_t, uint64_t pc, const uint64_t) {
        CRASH
        uint64_t slot = (pc ^ history) & MASK;
        in_flight[seq_no] = slot;
        return counters[slot] >= 2;
      }
      void spec_update(uint64_t, uint8_t, uint64_t, InstClass inst_class, const bool taken,
                       const bool, const uint64_t) {
        if (is_cond_br(inst_class)) history = ((history << 1) | (taken ? 1 : 0)) & MASK;
      }
      void notify_instr_execute_resolve(uint64_t seq_no, uint8_t, uint64_t, const bool,
                                        const ExecuteInfo& info, const uint64_t) {
        // As in the kit, every micro-op executes; only conditional branches train.
        if (!is_cond_br(info.dec_info.insn_class)) return;
        uint64_t slot = in_flight.at(seq_no);
        in_flight.erase(seq_no);
        unsigned char& c = counters[slot];
        if (info.taken.value() && c < 3) c++;
        if (!info.taken.value() && c > 0) c--;
      }
      void notify_instr_commit(uint64_t, uint8_t, uint64_t, const bool, const ExecuteInfo&,
                               const uint64_t) {}
      void endCondDirPredictor() {}
      """;

  @RegisterExtension
  static final NativeCompilerCache CACHE = new NativeCompilerCache();

  @TempDir
  static Path work;

  private static BranchPredictor build(String name, String crash) throws IOException {
    Path dir = Files.createDirectories(work.resolve(name));
    Files.writeString(dir.resolve("cond_branch_predictor_interface.cc"),
        GSHARE.replace("CRASH", crash));
    PredictorRegistry registry = PredictorRegistry.builtIn();
    return registry.create(registry.resolve("cbp2025:dir=" + dir));
  }

  private static CoreResult simulate(Path trace, BranchPredictor predictor) throws IOException {
    return new Simulation(Machines.preset("cbp2025"), () -> predictor, true, 0, Long.MAX_VALUE)
        .run(List.of(trace), LlcMode.SHARED).get(0);
  }

  @Test
  void aNativeGshareIsStagedExactlyAsTheJavaOne() throws Exception {
    Path sample = SharedMaterial.traceOrSkip("cbp2025/sample_int_trace.gz");
    BranchPredictor cpp = build("gshare", "");
    assertTrue(cpp instanceof StagedBranchPredictor);
    CoreResult fromCpp;
    try {
      fromCpp = simulate(sample, cpp);
    } finally {
      ((AutoCloseable) cpp).close();
    }
    CoreResult fromJava = simulate(sample, new StagedGshare(17, 17));
    assertTrue(fromJava.directionMispredictions() > 100, fromJava.toString());
    assertEquals(fromJava.directionMispredictions(), fromCpp.directionMispredictions());
    assertEquals(fromJava.cycles(), fromCpp.cycles());
  }

  @Test
  void aLoopInTheTimingModelIsGivenUpAndItsProcessEnded() throws Exception {
    Path sample = SharedMaterial.traceOrSkip("cbp2025/sample_int_trace.gz");
    BranchPredictor cpp = build("loop",
        "if (++predictions == 5000) for (volatile int i = 0; ; ) i++;");
    PredictorFailure failure = assertThrows(PredictorFailure.class,
        () -> new Simulation(Machines.preset("cbp2025"), () -> cpp, true, 0, Long.MAX_VALUE)
            .guardedBy(new PredictorGuard(java.time.Duration.ofSeconds(1)))
            .run(List.of(sample), LlcMode.SHARED));
    assertTrue(failure.getMessage().contains("made no progress for 1s"), failure.getMessage());
    assertThrows(RuntimeException.class, () -> cpp.predict(0x1000),
        "the simulation ended the child");
  }

  @Test
  void aCrashInTheTimingModelNamesTheSignal() throws Exception {
    Path sample = SharedMaterial.traceOrSkip("cbp2025/sample_int_trace.gz");
    BranchPredictor cpp = build("crash", "if (++predictions == 5000) __builtin_trap();");
    try {
      PredictorFailure failure = assertThrows(PredictorFailure.class,
          () -> simulate(sample, cpp));
      assertTrue(failure.getMessage().contains("was killed by signal 4 (SIGILL"),
          failure.getMessage());
    } finally {
      ((AutoCloseable) cpp).close();
    }
  }
}
