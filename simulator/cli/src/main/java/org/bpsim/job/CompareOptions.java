package org.bpsim.job;

import java.util.List;
import org.bpsim.machine.MachineConfig;
import org.bpsim.pipeline.LlcMode;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.replay.PredictorGuard;
import org.bpsim.replay.ReplayOptions;

/**
 * What {@code bpsim compare} compares.
 *
 * @param predictors the predictors, the baseline first
 * @param window the counted part of each trace, for the replay and the timing model alike
 * @param top the hardest branches kept per trace
 * @param jobs traces replayed in parallel, or null for all cores
 * @param machine the timing model's machine, or null for no timing model
 * @param llcModes the LLC modes of the timing model's multi-core run
 * @param commandLine the command as typed, for the report's reproduction section
 * @param version bpsim's version, for the same
 */
public record CompareOptions(PredictorRegistry registry, List<PredictorConfig> predictors,
    ReplayOptions window, int top, Integer jobs, PredictorGuard guard, MachineConfig machine,
    List<LlcMode> llcModes, String commandLine, String version) {
}
