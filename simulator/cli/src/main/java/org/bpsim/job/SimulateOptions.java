package org.bpsim.job;

import java.util.List;
import org.bpsim.machine.MachineConfig;
import org.bpsim.pipeline.Idealization;
import org.bpsim.pipeline.LlcMode;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.replay.PredictorGuard;

/**
 * What {@code bpsim simulate} runs: one trace per core on {@code machine}, once per LLC mode.
 *
 * @param separateAddressSpaces whether the cores' addresses are kept apart
 * @param warmup instructions per core simulated before counting starts
 * @param max counted instructions per core ({@code Long.MAX_VALUE}: the whole trace)
 * @param jobs LLC modes run in parallel, or null for all cores
 */
public record SimulateOptions(MachineConfig machine, PredictorRegistry registry,
    PredictorConfig predictor, List<LlcMode> llcModes, boolean separateAddressSpaces,
    Idealization idealization, long warmup, long max, Integer jobs, PredictorGuard guard) {
}
